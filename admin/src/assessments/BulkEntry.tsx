import { Alert, Box, Button, Checkbox, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { onGridKeyDown } from '../common/gridKeys';
import { unitDate, type PickedUnit } from '../common/UnitPicker';
import { useHub } from '../common/useHub';
import { AssessedUnitPicker } from './AssessedUnitPicker';
import type { SectionCommune as Commune } from '../dataProvider';

interface Row {
  commune: Commune;
  version: number | null;
  met: Record<number, boolean>;
  saved: Record<number, boolean>;
}

/**
 * Many communes of a district on one screen (as DHIS2's data-entry sections): one row per commune, one checkbox per
 * criterion (met or not), prefilled from the year's assessments. Space ticks, arrows and Enter move; saving records
 * every changed row as a conclusion per criterion.
 */
export function BulkEntry({ setId, year, criteria }: { setId: string; year: string; criteria: { number: number; name: string }[] }) {
  const hub = useHub();
  const translate = useTranslate();
  const notify = useNotify();
  const [district, setDistrict] = useState<PickedUnit | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saving, setSaving] = useState(false);
  const midYear = /^\d{4}$/.test(year) ? `${year}-06-30` : null;

  useEffect(() => {
    setRows(null);
    if (!district || !midYear || !setId) return;
    let live = true;
    (async () => {
      const { communes, assessments } = await hub.assessmentSection(district.code, Number(year), setId, midYear);
      const byUnit = new Map(assessments.map((a) => [a.unit.id, a]));
      if (live) {
        setRows(
          communes.map((commune) => {
            const found = byUnit.get(commune.id);
            const met = Object.fromEntries((found?.results ?? []).map((r) => [r.criterionNumber, r.met]));
            return { commune, version: found?.version ?? null, met, saved: { ...met } };
          }),
        );
      }
    })().catch((error) => notify((error as Error).message, { type: 'error' }));
    return () => {
      live = false;
    };
  }, [district?.id, setId, year]); // eslint-disable-line react-hooks/exhaustive-deps

  const changed = (rows ?? []).filter((r) =>
    criteria.some(
      (c) =>
        (r.met[c.number] ?? false) !== (r.saved[c.number] ?? false) || (r.saved[c.number] === undefined && r.met[c.number] !== undefined),
    ),
  );
  const set = (index: number, patch: Record<number, boolean>) =>
    setRows((all) => all && all.map((r, i) => (i === index ? { ...r, met: { ...r.met, ...patch } } : r)));
  const save = async () => {
    setSaving(true);
    let done = 0;
    try {
      for (const row of changed) {
        const results = criteria.map((c) => ({ criterionNumber: c.number, met: row.met[c.number] ?? false }));
        const version = await hub.recordAssessmentResults({
          unitCode: row.commune.code,
          asOf: unitDate(row.commune, midYear),
          criteriaSetId: setId,
          year: Number(year),
          results,
          expectedVersion: row.version,
        });
        setRows((all) => all && all.map((r) => (r.commune.id === row.commune.id ? { ...r, version, saved: { ...r.met } } : r)));
        done++;
      }
      notify('resources.assessments.bulk.saved', { type: 'success', messageArgs: { smart_count: done } });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      <AssessedUnitPicker level="DISTRICT" midYear={midYear} value={district} onChange={setDistrict} sx={{ maxWidth: 480, mb: 2 }} />
      {!rows ? (
        <Alert severity="info">{translate('resources.assessments.bulk.pick')}</Alert>
      ) : (
        <>
          <Typography variant="caption" color="text.secondary" display="block" sx={{ mb: 1 }}>
            {translate('resources.assessments.bulk.keys')}
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="bulk-grid" data-grid>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.assessments.entry.unit')}</TableCell>
                  {criteria.map((c) => (
                    <TableCell key={c.number} align="center" title={c.name}>
                      {c.number}
                    </TableCell>
                  ))}
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row, r) => (
                  <TableRow key={row.commune.id} data-commune={row.commune.code}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.commune.name}</TableCell>
                    {criteria.map((c, col) => (
                      <TableCell key={c.number} padding="checkbox" align="center">
                        <Checkbox
                          size="small"
                          checked={row.met[c.number] ?? false}
                          onChange={(e) => set(r, { [c.number]: e.target.checked })}
                          onKeyDown={onGridKeyDown}
                          inputProps={
                            { 'aria-label': `${row.commune.name} — ${c.number}. ${c.name}`, 'data-row': r, 'data-col': col } as Record<
                              string,
                              unknown
                            >
                          }
                        />
                      </TableCell>
                    ))}
                    <TableCell>
                      <Button size="small" onClick={() => set(r, Object.fromEntries(criteria.map((c) => [c.number, true])))}>
                        {translate('resources.assessments.entry.markAllMet')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }}>
            <Button variant="contained" onClick={save} disabled={saving || !changed.length} data-testid="save-bulk">
              {translate('resources.assessments.bulk.save', { smart_count: changed.length })}
            </Button>
          </Stack>
        </>
      )}
    </Box>
  );
}
