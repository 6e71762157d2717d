import { Box, Button as MuiButton, Checkbox, TableCell, TableRow, TextField as MuiTextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useCan } from '../capabilities';
import { useHub } from '../common/useHub';
import { SimpleTable } from '../common/SimpleTable';

/** The dossier checklist: mark items provided with their document reference (in DRAFT or RETURNED). */
export function Dossier() {
  const hub = useHub();
  const nomination = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [items, setItems] = useState<
    { item: string; label: string; template: string | null; provided: boolean; documentReference: string | null }[]
  >([]);
  useEffect(() => {
    setItems(nomination?.dossier ?? []);
  }, [nomination]);
  const mayPropose = useCan('PROPOSE_NOMINATIONS', nomination?.proposingUnit?.path ?? null);
  if (!nomination) return null;
  const editable = mayPropose && ['DRAFT', 'RETURNED'].includes(nomination.status);
  const save = async () => {
    if (items.some((i) => i.provided && !i.documentReference?.trim())) {
      notify('resources.nominations.dossier.referenceRequired', { type: 'warning' });
      return;
    }
    try {
      await hub.updateNominationDossier(
        String(nomination.id),
        nomination.version,
        items.map((i) => ({ item: i.item, provided: i.provided, documentReference: i.documentReference?.trim() || null })),
      );
      notify('resources.nominations.dossier.saved', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    }
  };
  return (
    <Box>
      <SimpleTable
        data-testid="dossier"
        prefix="resources.nominations.dossier"
        labels={['item', 'template', 'provided', 'documentReference']}
      >
        {items.map((entry, i) => (
          <TableRow key={entry.item + i}>
            <TableCell>{entry.label || translate(`enums.DossierItemKind.${entry.item}`)}</TableCell>
            <TableCell>{entry.template ?? ''}</TableCell>
            <TableCell>
              <Checkbox
                checked={entry.provided}
                disabled={!editable}
                inputProps={{ 'aria-label': `provided-${entry.item}` }}
                onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, provided: e.target.checked } : x)))}
              />
            </TableCell>
            <TableCell>
              {editable ? (
                <MuiTextField
                  size="small"
                  fullWidth
                  value={entry.documentReference ?? ''}
                  inputProps={{ 'aria-label': `reference-${entry.item}` }}
                  onChange={(e) => setItems(items.map((x, j) => (j === i ? { ...x, documentReference: e.target.value } : x)))}
                />
              ) : (
                (entry.documentReference ?? '—')
              )}
            </TableCell>
          </TableRow>
        ))}
      </SimpleTable>
      {editable && (
        <MuiButton sx={{ mt: 1 }} variant="outlined" onClick={save}>
          {translate('resources.nominations.dossier.save')}
        </MuiButton>
      )}
    </Box>
  );
}
