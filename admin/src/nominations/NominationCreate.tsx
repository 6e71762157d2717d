import { referenceDate } from '@domain/calendar';
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  Labeled,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { UnitCodeInput } from '../common/UnitCodeInput';
import type { Row } from '../dataProvider';
import { useCampaignAwardForms } from '../awardStandards/CampaignAwardForms';

const standardText =
  (translate: (key: string) => string) => (s: { occasion: string; year: number | null; subjectType: string; criteriaText: string }) =>
    `${translate(`enums.AwardOccasion.${s.occasion}`)}${s.year ? ` ${s.year}` : ''} · ${translate(`enums.AwardSubjectType.${s.subjectType}`)} · ${s.criteriaText.slice(0, 90)}`;

/** The form: fixed when the standard names one, else one of the forms the standard's campaign may confer. */
function FormCodeInput({ standardId }: { standardId?: string }) {
  const translate = useTranslate();
  const { data: standard } = useGetOne('awardStandards', { id: standardId! }, { enabled: !!standardId });
  const { data: forms = [] } = useCampaignAwardForms(standard && !standard.formCode ? standard.campaign?.id : null);
  if (!standard) return null;
  if (standard.formCode) {
    return (
      <Labeled label="resources.nominations.fields.formCode">
        <Typography>{standard.form?.nameVi ?? standard.formCode}</Typography>
      </Labeled>
    );
  }
  return (
    <SelectInput
      source="formCode"
      validate={required()}
      choices={forms.map((f) => ({ id: f.formCode, name: f.form.nameVi }))}
      helperText={translate('resources.nominations.create.formHelp')}
    />
  );
}

/** The subject: fixed when the nomination starts from an eligibility row (`subjectLabel`), else a unit code or a contributor id. */
function SubjectInputs() {
  return (
    <FormDataConsumer>
      {({ formData }) =>
        formData.subjectLabel ? (
          <Labeled label="resources.nominations.fields.subject">
            <Typography data-testid="nomination-subject">{formData.subjectLabel}</Typography>
          </Labeled>
        ) : (
          <>
            <RadioButtonGroupInput
              source="subjectKind"
              choices={[
                { id: 'UNIT', name: 'resources.nominations.create.subjectKind.UNIT' },
                { id: 'CONTRIBUTOR', name: 'resources.nominations.create.subjectKind.CONTRIBUTOR' },
              ]}
            />
            {formData.subjectKind === 'CONTRIBUTOR' ? (
              <TextInput source="subject.contributorId" label="resources.nominations.fields.contributorId" validate={required()} />
            ) : (
              <UnitCodeInput
                source="subject.unitCode"
                asOfSource="subject.asOf"
                label="resources.nominations.fields.subjectUnit"
                asOf={formData.year ? referenceDate(formData.year) : undefined}
                validate={required()}
                fullWidth
                capability="PROPOSE_NOMINATIONS"
              />
            )}
          </>
        )
      }
    </FormDataConsumer>
  );
}

/** Keeps only the subject the chosen kind names. */
const transform = (data: Row): Row => ({
  ...data,
  subject:
    data.subjectKind === 'CONTRIBUTOR'
      ? { contributorId: data.subject?.contributorId }
      : { unitCode: data.subject?.unitCode, asOf: data.subject?.asOf ?? (data.year ? referenceDate(data.year) : undefined) },
});

/**
 * Creates a nomination in DRAFT (UNIT_ADMIN of the proposing unit): a standard found by a server search, the year,
 * the subject, the form and the proposing unit; then shows it, with the plan's dossier checklist to fill in.
 */
export function NominationCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm defaultValues={{ subjectKind: 'UNIT' }}>
        <ReferenceInput source="standardId" reference="awardStandards" sort={{ field: 'id', order: 'ASC' }}>
          <AutocompleteInput
            label="resources.nominations.fields.standard"
            optionText={standardText(translate)}
            filterToQuery={(q: string) => ({ q: q || undefined })}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
        <NumberInput source="year" validate={required()} />
        <SubjectInputs />
        <FormDataConsumer>
          {({ formData }) => <FormCodeInput standardId={formData.standardId ? String(formData.standardId) : undefined} />}
        </FormDataConsumer>
        <FormDataConsumer>
          {({ formData }) => (
            <UnitCodeInput
              source="proposingUnitCode"
              asOf={formData.year ? referenceDate(formData.year) : undefined}
              validate={required()}
              fullWidth
              capability="PROPOSE_NOMINATIONS"
              helperText={translate('resources.nominations.create.proposingHelp')}
            />
          )}
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
}
