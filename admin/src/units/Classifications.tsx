import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  DateInput,
  FormDataConsumer,
  SelectInput,
  TextInput,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import { DialogButton } from '../common/DialogButton';
import { SCHEME_VALUES } from '../common/enums';
import { useFormat } from '../common/format';
import { useCan } from '../capabilities';
import { useHub } from '../common/useHub';
import { EnumInput } from '../common/EnumInput';

interface Classification {
  id: string;
  scheme: string;
  value: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}
interface UnitRecord {
  code: string;
  path: string;
  validTo?: string | null;
  classifications: Classification[];
}

const valueLabel = (translate: TranslateFunction, scheme: string, value: string) =>
  scheme === 'TERRAIN' ? translate(`enums.UnitClass.TERRAIN:${value}`, { _: value }) : value;

/** Adds a classification (terrain, especially disadvantaged, commune group…) for a period; thresholds and targets read them. */
function AddClassification({ unit }: { unit: UnitRecord }) {
  const hub = useHub();
  const translate = useTranslate();
  return (
    <DialogButton
      label="resources.units.classify.add"
      icon={<AddIcon />}
      done="resources.units.classify.done"
      save={(values) =>
        hub.setUnitClassification({
          unitCode: unit.code,
          asOf: unit.validTo ?? null,
          scheme: values.scheme,
          value: values.value || null,
          validFrom: values.validFrom || null,
          validTo: values.validTo || null,
          source: values.source || null,
        })
      }
    >
      <EnumInput source="scheme" label="resources.units.classify.scheme" enumName="ClassificationScheme" validate={required()} fullWidth />
      <FormDataConsumer>
        {({ formData }) =>
          SCHEME_VALUES[formData.scheme]?.length ? (
            <SelectInput
              source="value"
              label="resources.units.classify.value"
              validate={required()}
              fullWidth
              choices={SCHEME_VALUES[formData.scheme].map((id) => ({ id, name: valueLabel(translate, formData.scheme, id) }))}
              translateChoice={false}
            />
          ) : null
        }
      </FormDataConsumer>
      <Stack direction="row" spacing={2}>
        <DateInput source="validFrom" label="resources.units.fields.validFrom" />
        <DateInput source="validTo" label="resources.units.fields.validTo" />
      </Stack>
      <TextInput source="source" label="app.source" fullWidth helperText="resources.units.classify.sourceHelp" />
    </DialogButton>
  );
}

/** A unit's classifications with their periods; each can be removed after confirmation. */
export function Classifications() {
  const hub = useHub();
  const unit = useRecordContext<UnitRecord>();
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const refresh = useRefresh();
  const [removing, setRemoving] = useState<Classification | null>(null);
  const mayClassify = useCan('CLASSIFY_UNITS', unit?.path ?? null);
  if (!unit) return null;
  const list = unit.classifications ?? [];
  const label = (c: Classification) =>
    `${translate(`enums.ClassificationScheme.${c.scheme}`)}${c.value ? `: ${valueLabel(translate, c.scheme, c.value)}` : ''}`;
  const remove = async () => {
    if (!removing) return;
    try {
      await hub.removeUnitClassification(removing.id);
      notify('resources.units.classify.removed', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    setRemoving(null);
  };
  return (
    <Stack spacing={1} data-testid="classifications">
      {list.length ? (
        list.map((c) => (
          <Stack key={c.id} direction="row" spacing={1} alignItems="center">
            <Chip label={label(c)} />
            <Typography variant="body2">
              {format.date(c.validFrom)} – {format.date(c.validTo)} {c.source ? `· ${c.source}` : ''}
            </Typography>
            {mayClassify && (
              <Tooltip title={translate('ra.action.delete')}>
                <IconButton size="small" aria-label={`${translate('ra.action.delete')} ${label(c)}`} onClick={() => setRemoving(c)}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Stack>
        ))
      ) : (
        <Typography variant="body2">{translate('app.none')}</Typography>
      )}
      {mayClassify && (
        <div>
          <AddClassification unit={unit} />
        </div>
      )}
      <Confirm
        isOpen={removing !== null}
        title="resources.units.classify.removeTitle"
        content="resources.units.classify.removeContent"
        translateOptions={{ label: removing ? label(removing) : '' }}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
