import { referenceDate } from '@domain/calendar';
import { Typography } from '@mui/material';
import { FormDataConsumer, Labeled, RadioButtonGroupInput, SelectInput, TextInput, required, useGetOne, useTranslate } from 'react-admin';
import { useCampaignAwardForms } from '../awardStandards/CampaignAwardForms';
import { UnitCodeInput } from '../common/UnitCodeInput';

/** The form: fixed when the standard names one, else one of the forms the standard's campaign may confer. */
export function FormCodeInput({ standardId }: { standardId?: string }) {
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
export function SubjectInputs() {
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
