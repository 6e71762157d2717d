import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Stack } from '@mui/material';
import { DataTable, DateInput, TextInput, required, useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '../capabilities';
import { DialogButton } from '../common/DialogButton';
import { VILLAGE_KINDS } from '../common/enums';
import { EnumInput } from '../common/EnumInput';
import { DateColumn } from '../common/columns';
import { useHub } from '../common/useHub';
import { unitAsOf, UnitsBelow } from './UnitsBelow';

interface UnitRecord {
  id: string;
  code: string;
  level: string;
  path: string;
  validFrom?: string | null;
  validTo?: string | null;
}
interface VillageRecord {
  code: string;
  shortName: string;
  kind: string;
  version: number;
  validTo?: string | null;
}

/** A village's kind (thôn, bản, tổ dân phố …), asked when it is added or renamed. */
const KindInput = () => (
  <EnumInput source="kind" label="resources.units.fields.kind" enumName="UnitKind" only={VILLAGE_KINDS} validate={required()} fullWidth />
);

/** Adds a village to the commune: name and kind; the period defaults to the commune's. */
function AddVillage({ commune }: { commune: UnitRecord }) {
  const hub = useHub();
  return (
    <DialogButton
      label="resources.units.villages.add"
      icon={<AddIcon />}
      done="resources.units.villages.added"
      testId="add-village"
      defaultValues={{ kind: 'VILLAGE' }}
      save={(values) =>
        hub.createVillage({
          communeCode: commune.code,
          asOf: unitAsOf(commune) ?? null,
          name: values.name,
          kind: values.kind,
          validFrom: values.validFrom || null,
          validTo: values.validTo || null,
        })
      }
    >
      <TextInput
        source="name"
        label="resources.units.villages.name"
        helperText="resources.units.villages.nameHelp"
        validate={required()}
        fullWidth
      />
      <KindInput />
      <Stack direction="row" spacing={2}>
        <DateInput source="validFrom" label="resources.units.fields.validFrom" helperText="resources.units.villages.periodHelp" />
        <DateInput source="validTo" label="resources.units.fields.validTo" />
      </Stack>
    </DialogButton>
  );
}

function RenameVillage({ asOf }: { asOf?: string }) {
  const hub = useHub();
  const village = useRecordContext<VillageRecord>();
  if (!village) return null;
  return (
    <DialogButton
      label="resources.units.villages.rename"
      icon={<EditIcon />}
      done="resources.units.villages.renamed"
      defaultValues={{ name: village.shortName, kind: village.kind }}
      save={(values) =>
        hub.renameVillage({
          code: village.code,
          asOf: asOf ?? null,
          name: values.name,
          kind: values.kind,
          expectedVersion: village.version,
        })
      }
    >
      <TextInput source="name" label="resources.units.villages.name" validate={required()} fullWidth />
      <KindInput />
    </DialogButton>
  );
}

function CloseVillage({ asOf }: { asOf?: string }) {
  const hub = useHub();
  const village = useRecordContext<VillageRecord>();
  if (!village) return null;
  return (
    <DialogButton
      label="resources.units.villages.close"
      icon={<EventBusyIcon />}
      done="resources.units.villages.closed"
      save={(values) =>
        hub.closeVillage({ code: village.code, asOf: asOf ?? null, validTo: values.validTo, expectedVersion: village.version })
      }
    >
      <DateInput source="validTo" label="resources.units.villages.lastDay" validate={required()} />
    </DialogButton>
  );
}

/**
 * The villages of a unit (a commune's own, or every village below a district or province), read on the unit's last
 * day; a commune's administrators add, rename and close them here.
 */
export function Villages() {
  const unit = useRecordContext<UnitRecord>();
  const translate = useTranslate();
  const administers = useCan('MANAGE_VILLAGES', unit?.path ?? null);
  if (!unit) return null;
  const asOf = unitAsOf(unit);
  const commune = unit.level === 'COMMUNE';
  const manage = commune && administers;
  return (
    <Stack spacing={1} data-testid="villages">
      {manage && (
        <div>
          <AddVillage commune={unit} />
        </div>
      )}
      <UnitsBelow target={commune ? 'parentCode' : 'withinCode'} filter={{ level: 'VILLAGE' }} empty="resources.units.villages.none">
        {!commune && <DataTable.Col source="parent" disableSort render={(v) => v.parent?.name ?? ''} />}
        <DateColumn source="validFrom" disableSort />
        <DateColumn source="validTo" disableSort />
        <DataTable.Col source="synthetic" disableSort render={(v) => (v.synthetic ? translate('app.synthetic') : '')} />
        {manage && (
          <DataTable.Col disableSort>
            <Stack direction="row">
              <RenameVillage asOf={asOf} />
              <CloseVillage asOf={asOf} />
            </Stack>
          </DataTable.Col>
        )}
      </UnitsBelow>
    </Stack>
  );
}
