import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Dialog, DialogContent, DialogTitle, IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  DateInput,
  Form,
  NumberInput,
  SaveButton,
  TextInput,
  Toolbar,
  maxValue,
  minValue,
  number,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useHub } from '../common/useHub';
import { EnumInput } from '../common/EnumInput';

/** Runs a milestone write, then re-reads the campaign; an API error (stale version, bad year …) is shown as it comes. */
function useMilestoneWrite() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (write: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await write();
      notify(done, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return false;
    }
  };
}

/** Adds a milestone (`milestone` absent) or edits one, in a dialog. */
export function MilestoneDialogButton({ milestone }: { milestone?: RaRecord }) {
  const campaign = useRecordContext();
  const translate = useTranslate();
  const hub = useHub();
  const write = useMilestoneWrite();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!campaign) return null;
  const [first, last] = [Number(String(campaign.periodStart).slice(0, 4)), Number(String(campaign.periodEnd).slice(0, 4))];
  const submit = async (values: Record<string, unknown>) => {
    const data = values as RaRecord;
    setSaving(true);
    const ok = milestone
      ? await write(() => hub.updateMilestone(milestone, data), 'resources.campaigns.milestone.updated')
      : await write(() => hub.createMilestone(String(campaign.id), data), 'resources.campaigns.milestone.created');
    setSaving(false);
    if (ok) setOpen(false);
  };
  const title = translate(milestone ? 'resources.campaigns.milestone.edit' : 'resources.campaigns.milestone.add');
  return (
    <>
      {milestone ? (
        <Tooltip title={title}>
          <IconButton size="small" aria-label={`${title} ${milestone.id}`} onClick={() => setOpen(true)}>
            <EditIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <Button label="resources.campaigns.milestone.add" onClick={() => setOpen(true)}>
          <AddIcon />
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Form onSubmit={submit} record={milestone ?? { kind: 'ANNUAL' }}>
            <EnumInput source="kind" label="resources.campaigns.milestone.kind" enumName="MilestoneKind" validate={required()} fullWidth />
            <EnumInput
              source="recurrence"
              label="resources.campaigns.milestone.recurrence"
              enumName="Recurrence"
              emptyText="resources.campaigns.milestone.defaultRecurrence"
              fullWidth
            />
            <NumberInput source="year" label="resources.campaigns.milestone.year" validate={[number(), minValue(first), maxValue(last)]} />
            <DateInput source="deadline" label="resources.campaigns.milestone.deadline" />
            <NumberInput
              source="deadlineDay"
              label="resources.campaigns.milestone.deadlineDay"
              validate={[number(), minValue(1), maxValue(31)]}
            />
            <NumberInput
              source="deadlineMonth"
              label="resources.campaigns.milestone.deadlineMonth"
              validate={[number(), minValue(1), maxValue(12)]}
            />
            <TextInput source="description" label="resources.campaigns.milestone.description" validate={required()} fullWidth multiline />
            <TextInput source="source" label="resources.campaigns.milestone.source" fullWidth />
            <Toolbar>
              <SaveButton disabled={saving} alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** Deletes a milestone after confirmation. */
export function DeleteMilestoneButton({ milestone }: { milestone: RaRecord }) {
  const translate = useTranslate();
  const hub = useHub();
  const write = useMilestoneWrite();
  const [open, setOpen] = useState(false);
  const label = translate('resources.campaigns.milestone.delete');
  return (
    <>
      <Tooltip title={label}>
        <IconButton size="small" aria-label={`${label} ${milestone.id}`} onClick={() => setOpen(true)}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        title="resources.campaigns.milestone.delete"
        content="resources.campaigns.milestone.confirmDelete"
        translateOptions={{ description: milestone.description }}
        onConfirm={async () => {
          if (await write(() => hub.deleteMilestone(milestone), 'resources.campaigns.milestone.deleted')) setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
