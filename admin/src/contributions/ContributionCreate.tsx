import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/enums';
import { useFormat } from '../common/format';
import { useWatch } from 'react-hook-form';
import { AsOfHelp } from '../common/AsOfHelp';
import { UnitCodeInput } from '../common/UnitCodeInput';

function Computed({ quantity, price }: { quantity?: number | null; price?: number | null }) {
  const translate = useTranslate();
  const format = useFormat();
  if (quantity == null || price == null) return null;
  return (
    <Typography variant="body2" sx={{ mb: 2 }}>
      {translate('resources.contributions.computed', { value: format.vnd(Math.round(quantity * price)) })}
    </Typography>
  );
}

function VndHint({ value }: { value?: number | null }) {
  const format = useFormat();
  return value != null ? (
    <Typography variant="body2" sx={{ mb: 2 }}>
      {format.vnd(value)}
    </Typography>
  ) : null;
}

/**
 * The contributor's commune or village, among the units valid on the contribution's date; the day is sent with the
 * code (codes were reused in 2025), so the contribution is saved against the unit picked.
 */
function ContributorUnit({ party }: { party: 'contributor' | 'mobilisedBy' }) {
  const date: string | undefined = useWatch({ name: 'date' });
  return (
    <UnitCodeInput
      source={`${party}.unitCode`}
      asOfSource={`${party}.asOf`}
      asOf={date || null}
      validate={required()}
      fullWidth
      capability="RECORD_CONTRIBUTIONS"
      helperText={date ? undefined : 'resources.contributions.dateFirst'}
    />
  );
}

/** Records a contribution: contributor (found or created by kind, name and unit), date, kind, value or quantity × local price, who mobilised it. */
export function ContributionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ kind: 'MONEY', valuation: 'VALUE', contributor: { kind: 'HOUSEHOLD' } }}>
        <ReferenceInput source="campaignId" reference="campaigns">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
        <DateInput source="date" validate={required()} helperText="app.unitsOnDate" InputProps={{ endAdornment: <AsOfHelp /> }} />
        <SelectInput source="contributor.kind" choices={enumChoices('ContributorKind')} validate={required()} />
        <TextInput source="contributor.name" validate={required()} fullWidth />
        <ContributorUnit party="contributor" />
        <SelectInput source="kind" choices={enumChoices('ContributionKind')} validate={required()} />
        <RadioButtonGroupInput
          source="valuation"
          choices={[
            { id: 'VALUE', name: 'resources.contributions.valuation.VALUE' },
            { id: 'QUANTITY', name: 'resources.contributions.valuation.QUANTITY' },
          ]}
        />
        <FormDataConsumer>
          {({ formData }) =>
            formData.valuation === 'QUANTITY' ? (
              <>
                <NumberInput source="quantity" validate={required()} />
                <TextInput source="quantityUnit" helperText="m2, ngày công…" />
                <NumberInput source="unitPriceVnd" validate={required()} />
                <Computed quantity={formData.quantity} price={formData.unitPriceVnd} />
              </>
            ) : (
              <>
                <NumberInput source="valueVnd" validate={required()} />
                <VndHint value={formData.valueVnd} />
              </>
            )
          }
        </FormDataConsumer>
        <BooleanInput source="mobilised" label="resources.contributions.mobilised" />
        <FormDataConsumer>
          {({ formData }) =>
            formData.mobilised && (
              <>
                <SelectInput source="mobilisedBy.kind" choices={enumChoices('ContributorKind')} validate={required()} />
                <TextInput source="mobilisedBy.name" validate={required()} fullWidth />
                <ContributorUnit party="mobilisedBy" />
              </>
            )
          }
        </FormDataConsumer>
        <TextInput source="description" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
