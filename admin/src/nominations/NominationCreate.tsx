import { referenceDate } from '@domain/calendar';
import { AutocompleteInput, Create, FormDataConsumer, NumberInput, ReferenceInput, SimpleForm, required, useTranslate } from 'react-admin';
import { UnitCodeInput } from '../common/UnitCodeInput';
import type { Row } from '../dataProvider';
import { FormCodeInput, SubjectInputs } from './NominationInputs';

const standardText =
  (translate: (key: string) => string) => (s: { occasion: string; year: number | null; subjectType: string; criteriaText: string }) =>
    `${translate(`enums.AwardOccasion.${s.occasion}`)}${s.year ? ` ${s.year}` : ''} · ${translate(`enums.AwardSubjectType.${s.subjectType}`)} · ${s.criteriaText.slice(0, 90)}`;

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
