import { Typography } from '@mui/material';
import { FormDataConsumer, NumberInput, RadioButtonGroupInput, TextInput, required, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useFormat } from '../common/format';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { EnumInput } from '../common/EnumInput';

/** Who gave (`contributor`) and who mobilised the gift (`mobilisedBy`): each a kind, a name and a unit. */
type Party = 'contributor' | 'mobilisedBy';

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
function ContributorUnit({ party }: { party: Party }) {
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

/** A party, found or created by kind, name and unit. */
export function PartyInputs({ party }: { party: Party }) {
  return (
    <>
      <EnumInput source={`${party}.kind`} enumName="ContributorKind" validate={required()} />
      <TextInput source={`${party}.name`} validate={required()} fullWidth />
      <ContributorUnit party={party} />
    </>
  );
}

/** The contribution's value in VND, or its quantity at a local unit price (the value computed as it is typed). */
export function ValueInputs() {
  return (
    <>
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
    </>
  );
}
