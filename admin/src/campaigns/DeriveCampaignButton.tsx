import CallSplitIcon from '@mui/icons-material/CallSplit';
import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  TextInput,
  Toolbar,
  required,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { UnitCodeInput } from '../common/UnitCodeInput';
import { useHub } from '../common/useHub';

/** Opens a form to derive the campaign of a unit below the issuer (`deriveCampaign`). */
export function DeriveCampaignButton() {
  const hub = useHub();
  const campaign = useRecordContext();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!campaign) return null;
  // Units below the issuer, read at the start of the period (codes of that time).
  const asOf = campaign.periodStart as string;
  const submit = async (values: Record<string, string>) => {
    setSaving(true);
    try {
      const created: RaRecord = await hub.deriveCampaign({
        parentId: String(campaign.id),
        issuerCode: values.issuerCode,
        asOf,
        name: values.name || undefined,
      });
      notify('resources.campaigns.derive.done', { type: 'success', messageArgs: { name: created.name } });
      setOpen(false);
      redirect('show', 'campaigns', created.id);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button label="resources.campaigns.derive.button" onClick={() => setOpen(true)}>
        <CallSplitIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('resources.campaigns.derive.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('resources.campaigns.derive.help')}
          </Typography>
          <Form onSubmit={submit}>
            <UnitCodeInput
              source="issuerCode"
              label="resources.campaigns.derive.issuer"
              asOf={asOf}
              unitFilter={{ withinCode: campaign.issuer.code }}
              validate={required()}
              fullWidth
              capability="PLAN_CAMPAIGNS"
            />
            <TextInput source="name" label="resources.campaigns.derive.name" fullWidth multiline />
            <Toolbar>
              <SaveButton label="resources.campaigns.derive.button" disabled={saving} alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
