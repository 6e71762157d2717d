import { Alert, Box, Button as MuiButton, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { CreateButton, useCanAccess, useGetResourceLabel, useListContext, useResourceDefinition, useTranslate } from 'react-admin';
import { recordedBy, rolesFor } from '../capabilities';
import { useFormat } from './format';

/** A filter value worth naming beside its label: a year, a number, a date (ids and codes say little to a reader). */
function shownValue(value: unknown, format: ReturnType<typeof useFormat>, translate: (key: string) => string): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value);
  if (typeof value === 'string' && /^\d{4}$/.test(value)) return value;
  return null;
}

/**
 * What an empty list tells the signed-in user to do next: which filters hide everything (each removable), or — with
 * nothing filtered — how to create the first record when their grants allow it, else who records these and where.
 */
export function ListEmpty() {
  const translate = useTranslate();
  const format = useFormat();
  const { filterValues = {}, setFilters, displayedFilters, resource } = useListContext();
  const { hasCreate } = useResourceDefinition({ resource });
  const { canAccess: mayCreate } = useCanAccess({ resource, action: 'create' });
  const label = useGetResourceLabel()(resource, 2).toLowerCase();
  const [roles, setRoles] = useState<string[]>([]);
  const capability = recordedBy(resource);
  useEffect(() => {
    let live = true;
    if (capability)
      rolesFor(capability).then(
        (found) => live && setRoles(found),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [capability]);
  const text = (key: string, options?: Record<string, unknown>) => translate(`app.empty.${resource}.${key}`, { _: '', ...options });
  const active = Object.entries(filterValues).filter(([, value]) => value !== undefined && value !== null && value !== '');

  if (active.length) {
    const remove = (key: string) => {
      const { [key]: _removed, ...rest } = filterValues;
      setFilters(rest, displayedFilters);
    };
    return (
      <Box sx={{ p: 2 }} data-testid="list-empty" data-empty="filtered">
        <Typography variant="body1" gutterBottom>
          {translate('app.empty.filtered', { name: label })}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.empty.filters')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          {active.map(([key, value]) => {
            const name = translate(`resources.${resource}.fields.${key}`, { _: translate(key === 'q' ? 'ra.action.search' : key) });
            const shown = shownValue(value, format, translate);
            return <Chip key={key} label={shown ? `${name}: ${shown}` : name} onDelete={() => remove(key)} data-filter={key} />;
          })}
          <MuiButton size="small" onClick={() => setFilters({}, [])}>
            {translate('ra.navigation.clear_filters')}
          </MuiButton>
        </Stack>
      </Box>
    );
  }

  const create = hasCreate && mayCreate;
  const who = roles.length ? translate('app.empty.who', { roles: roles.map((r) => translate(`enums.Role.${r}`)).join(', ') }) : '';
  return (
    <Box sx={{ p: 2 }} data-testid="list-empty" data-empty={create ? 'create' : 'read'}>
      <Typography variant="body1" gutterBottom>
        {translate('app.empty.none', { name: label })}
      </Typography>
      {create ? (
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="body2">{text('create')}</Typography>
          <CreateButton variant="contained" />
        </Stack>
      ) : (
        <Alert severity="info">{[text('read'), who].filter(Boolean).join(' ')}</Alert>
      )}
    </Box>
  );
}
