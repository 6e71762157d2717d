import SaveIcon from '@mui/icons-material/Save';
import { Alert, Checkbox, Stack, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Button, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useHub } from '../common/useHub';
import type { Row } from '../dataProvider';
import { useCan } from '../capabilities';
import { useLocalName } from '../common/fields';
import { SourceText } from '../common/SourceText';
import { SimpleTable } from '../common/SimpleTable';

const ALL = { page: 1, perPage: 500 };

/** The award form catalogue, highest authority first. */
export const useAwardFormCatalogue = () => useGetList<Row>('awardForms', { pagination: ALL, sort: { field: 'rank', order: 'ASC' } });

/** The forms a campaign may confer, read through the data provider so that a refresh re-reads them. */
export const useCampaignAwardForms = (campaignId: string | number | null | undefined) =>
  useGetList<Row>('campaignAwardForms', { pagination: ALL, filter: { campaignId } }, { enabled: campaignId != null && campaignId !== '' });

/** One catalogue form as the page edits it: offered by the campaign or not, and the plan's wording. */
type Choice = { offered: boolean; asStated: string };

const UNOFFERED: Choice = { offered: false, asStated: '' };

const choicesOf = (listed: Row[]): Record<string, Choice> =>
  Object.fromEntries(listed.map((f) => [f.formCode, { offered: true, asStated: f.asStated ?? '' }]));

/**
 * A campaign's award forms: one row per catalogue form, ticked when the campaign may confer it, with the plan's
 * wording (asStated). Saving replaces the campaign's forms (`setCampaignAwardForms`, the issuer's UNIT_ADMIN); notes and
 * sources of the forms kept are sent back unchanged. The API decides who may: a refusal is notified as it comes.
 */
export function CampaignAwardForms() {
  const hub = useHub();
  const campaign = useRecordContext();
  const translate = useTranslate();
  const name = useLocalName();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: catalogue = [] } = useAwardFormCatalogue();
  const { data: listed } = useCampaignAwardForms(campaign?.id);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [saving, setSaving] = useState(false);
  const mayPlan = useCan('PLAN_CAMPAIGNS', campaign?.issuer?.path ?? null);
  useEffect(() => {
    if (listed) setChoices(choicesOf(listed));
  }, [listed]);
  const changed = useMemo(
    () =>
      JSON.stringify(choicesOf(listed ?? [])) !== JSON.stringify(Object.fromEntries(Object.entries(choices).filter(([, c]) => c.offered))),
    [listed, choices],
  );
  if (!campaign || !listed) return null;

  const set = (code: string, change: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [code]: { ...(current[code] ?? UNOFFERED), ...change } }));
  const save = async () => {
    const previous = new Map(listed.map((f) => [f.formCode, f]));
    const forms = catalogue
      .filter((f) => choices[f.code]?.offered)
      .map((f) => ({
        formCode: f.code,
        asStated: choices[f.code].asStated.trim() || null,
        note: previous.get(f.code)?.note ?? null,
        source: previous.get(f.code)?.source ?? null,
      }));
    setSaving(true);
    try {
      await hub.setCampaignAwardForms(String(campaign.id), forms);
      notify('awards.campaignForms.saved', { type: 'success', messageArgs: { smart_count: forms.length } });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={1} alignItems="flex-start">
      {listed.length === 0 && (
        <Alert severity="info" data-testid="campaign-forms-none">
          {translate('awards.campaignForms.none')}
        </Alert>
      )}
      <SimpleTable
        data-testid="campaign-award-forms"
        prefix="awards.campaignForms"
        labels={['offered', 'form', 'authority', 'asStated', 'source']}
      >
        {catalogue.map((form) => {
          const choice = choices[form.code] ?? UNOFFERED;
          return (
            <TableRow key={form.code} data-form={form.code} data-offered={String(choice.offered)}>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={choice.offered}
                  disabled={!mayPlan}
                  onChange={(e) => set(form.code, { offered: e.target.checked })}
                  inputProps={{ 'aria-label': name(form) }}
                />
              </TableCell>
              <TableCell>{name(form)}</TableCell>
              <TableCell>{translate(`enums.AwardAuthority.${form.authority}`)}</TableCell>
              <TableCell sx={{ minWidth: 320 }}>
                <TextField
                  size="small"
                  fullWidth
                  disabled={!mayPlan || !choice.offered}
                  value={choice.asStated}
                  onChange={(e) => set(form.code, { asStated: e.target.value })}
                  placeholder={name(form)}
                  inputProps={{ 'aria-label': `${translate('awards.campaignForms.asStated')} ${form.code}` }}
                />
              </TableCell>
              <TableCell>
                <Typography variant="caption">
                  <SourceText source={listed.find((f) => f.formCode === form.code)?.source} />
                </Typography>
              </TableCell>
            </TableRow>
          );
        })}
      </SimpleTable>
      {mayPlan && (
        <Button
          label="awards.campaignForms.save"
          variant="contained"
          onClick={save}
          disabled={!changed || saving}
          data-testid="save-campaign-forms"
        >
          <SaveIcon />
        </Button>
      )}
    </Stack>
  );
}
