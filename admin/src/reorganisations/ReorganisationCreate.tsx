import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  Create,
  DateInput,
  NumberInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useTranslate,
  type Validator,
} from 'react-admin';
import { today } from '../common/format';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { EnumInput } from '../common/EnumInput';

/** The day before a "YYYY-MM-DD" date: sources and sub-units are read then. */
const dayBefore = (date?: string) => {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

interface EventUnitProps {
  source: string;
  before?: boolean;
  minWidth: number;
  validate?: Validator;
}

/**
 * A unit of the event, by code (labelled `fields.<source>`): read the day before it takes effect (`before`: a source,
 * or an existing unit that continues), or on the day (the parent of a result).
 */
function EventUnitInput({ source, before, minWidth, validate }: EventUnitProps) {
  const effectiveOn: string | undefined = useWatch({ name: 'effectiveOn' });
  return (
    <UnitCodeInput
      source={source}
      label={`resources.reorganisations.fields.${source}`}
      asOf={before ? dayBefore(effectiveOn) : effectiveOn}
      validate={validate}
      sx={{ minWidth }}
    />
  );
}

/**
 * Records a dated reorganisation (system administrators): sources with their share, results (an existing unit that
 * continues, or a new one with name, kind, code and parent), and where sub-units of a source split in several go.
 */
export function ReorganisationCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{ kind: 'MERGE', resolutionDate: today(), sources: [{ share: 'FULL' }, { share: 'FULL' }], results: [{}] }}
      >
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('resources.reorganisations.create.help')}
        </Typography>
        <EnumInput source="kind" enumName="ReorganisationKind" validate={required()} />
        <DateInput source="effectiveOn" validate={required()} />
        <TextInput source="resolutionNumber" validate={required()} />
        <DateInput source="resolutionDate" validate={required()} />
        <TextInput source="issuer" fullWidth />
        <TextInput source="note" fullWidth multiline />
        <ArrayInput source="sources">
          <SimpleFormIterator inline>
            <EventUnitInput source="unitCode" before validate={required()} minWidth={360} />
            <EnumInput source="share" label="resources.reorganisations.fields.share" enumName="LineageShare" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
        <ArrayInput source="results">
          <SimpleFormIterator inline>
            <EventUnitInput source="existingCode" before minWidth={300} />
            <TextInput source="code" label="resources.reorganisations.fields.code" />
            <TextInput source="name" label="resources.reorganisations.fields.name" />
            <EnumInput source="kind" label="resources.reorganisations.fields.resultKind" enumName="UnitKind" />
            <EventUnitInput source="parentCode" minWidth={300} />
          </SimpleFormIterator>
        </ArrayInput>
        <ArrayInput source="placements" helperText="resources.reorganisations.create.placementsHelp">
          <SimpleFormIterator inline>
            <TextInput source="childCode" label="resources.reorganisations.fields.childCode" validate={required()} />
            <NumberInput source="resultIndex" label="resources.reorganisations.fields.resultIndex" min={0} validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
