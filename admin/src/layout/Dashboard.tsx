import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  Link as MuiLink,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { grantedUnits } from '../authProvider';
import { allows } from '../capabilities';
import { useFormat } from '../common/format';
import { withUnit } from '../insights/useInsightMetrics';
import { useHub } from '../common/useHub';
import { dashboardData, type DashboardData } from './dashboardData';

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Card sx={{ flex: '1 1 340px', minWidth: 0 }} data-testid={testId}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'h6', component: 'h2' }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** This year's figures of the scope against their targets: one bar per metric, each on its own scale (never mixed). */
function Progress({ data }: { data: DashboardData }) {
  const translate = useTranslate();
  const format = useFormat();
  if (!data.progress.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.dashboard.noFigures')}
      </Typography>
    );
  return (
    <Stack spacing={2}>
      {data.progress.map((row) => {
        const share = row.actual != null && row.target ? Math.min(100, (row.actual / row.target) * 100) : null;
        return (
          <Box key={row.metric} data-metric={row.metric}>
            <Typography variant="body2">{translate(`app.dashboard.metrics.${row.metric}`)}</Typography>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {withUnit(format.number, row.actual, row.valueUnit)}
              {row.target != null &&
                ` / ${translate('insights.target').toLowerCase()} ${withUnit(format.number, row.target, row.valueUnit)}`}
            </Typography>
            {share != null && (
              <LinearProgress
                variant="determinate"
                value={share}
                color={row.onTrack ? 'success' : 'warning'}
                sx={{ height: 8, borderRadius: 1, mt: 0.5 }}
                aria-label={translate('app.dashboard.ofTarget', { share: format.number(share) })}
              />
            )}
            {share != null && (
              <Typography variant="caption" color="text.secondary">
                {translate('app.dashboard.ofTarget', { share: format.number(share) })}
              </Typography>
            )}
            {row.target == null && (
              <Typography variant="caption" color="text.secondary">
                {translate('app.dashboard.noTarget')}
              </Typography>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}

/** Start page: the user's scope at a glance — progress against this year's targets, work waiting, deadlines, changes. */
export function Dashboard() {
  const hub = useHub();
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const { identity } = useGetIdentity();
  const grants = grantedUnits();
  const [data, setData] = useState<DashboardData | null>(null);
  useEffect(() => {
    dashboardData(hub).then(setData, (error) => notify((error as Error).message, { type: 'error' }));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const may = (capability: Parameters<typeof allows>[1]) => !!data && allows(data.rules, capability);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.dashboard.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {grants.map((g) => (
              <Chip key={`${g.role}-${g.id}`} label={`${translate(`enums.Role.${g.role}`)} — ${g.name}`} />
            ))}
          </Stack>
          {data && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
              {may('RECORD_ASSESSMENTS') && (
                <Button component={Link} to="/assessments/create" label="resources.assessments.entry.title" variant="outlined" />
              )}
              {may('PLAN_CAMPAIGNS') && (
                <Button component={Link} to="/targets/grid" label="resources.targets.grid.title" variant="outlined" />
              )}
              <Button component={Link} to="/compare" label="insights.compare.title" variant="outlined" />
              <Button component={Link} to="/progress" label="insights.progress.title" variant="outlined" />
            </Stack>
          )}
        </CardContent>
      </Card>
      {!data ? (
        <LinearProgress />
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }} data-testid="dashboard-ready">
          <Section
            title={translate('app.dashboard.progress', { unit: data.scope?.name ?? '', year: data.year })}
            testId="dashboard-progress"
          >
            <Progress data={data} />
          </Section>
          <Section title={translate('app.dashboard.pending')} testId="dashboard-pending">
            <Stack spacing={2}>
              {(may('PROPOSE_NOMINATIONS') || may('DECIDE_NOMINATIONS')) && (
                <Box>
                  <Typography variant="subtitle2">
                    {translate('app.dashboard.nominations', { smart_count: data.nominations.length })}
                  </Typography>
                  {data.nominations.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      {translate('app.dashboard.noNominations')}
                    </Typography>
                  ) : (
                    <List dense disablePadding>
                      {data.nominations.slice(0, 5).map((n) => (
                        <ListItem key={n.id} disableGutters>
                          <ListItemText
                            primary={
                              <MuiLink component={Link} to={`/nominations/${n.id}/show`}>
                                {n.subject} — {n.year}
                              </MuiLink>
                            }
                            secondary={translate(`enums.NominationStatus.${n.status}`)}
                          />
                        </ListItem>
                      ))}
                    </List>
                  )}
                </Box>
              )}
              {data.coverage && (
                <Box>
                  <Typography variant="subtitle2">
                    {translate('app.dashboard.coverage', {
                      assessed: format.number(data.coverage.assessedCount),
                      count: format.number(data.coverage.communeCount),
                      year: data.year,
                    })}
                  </Typography>
                  {data.coverage.missingCount === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      {translate('app.dashboard.allAssessed')}
                    </Typography>
                  ) : (
                    <Typography variant="body2">
                      {translate('app.dashboard.missing', { smart_count: data.coverage.missingCount })}{' '}
                      {data.coverage.missing.map((u) => u.name).join(', ')}
                      {data.coverage.missingCount > data.coverage.missing.length ? '…' : ''}
                    </Typography>
                  )}
                </Box>
              )}
              <Box>
                <Typography variant="subtitle2">{translate('app.dashboard.deadlines')}</Typography>
                {data.deadlines.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.dashboard.noDeadlines')}
                  </Typography>
                ) : (
                  <List dense disablePadding>
                    {data.deadlines.slice(0, 5).map((d, i) => (
                      <ListItem key={i} disableGutters>
                        <ListItemText
                          primary={`${format.date(d.date)} — ${translate(`enums.MilestoneKind.${d.kind}`)}`}
                          secondary={
                            <MuiLink component={Link} to={`/campaigns/${d.campaignId}/show`}>
                              {d.campaign}
                            </MuiLink>
                          }
                        />
                      </ListItem>
                    ))}
                  </List>
                )}
              </Box>
              {!may('PROPOSE_NOMINATIONS') && !may('DECIDE_NOMINATIONS') && !data.coverage && (
                <Alert severity="info">{translate('app.dashboard.readOnly')}</Alert>
              )}
            </Stack>
          </Section>
          {may('READ_AUDIT_LOG') && (
            <Section title={translate('app.dashboard.changes')} testId="dashboard-changes">
              {data.changes.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('app.dashboard.noChanges')}
                </Typography>
              ) : (
                <List dense disablePadding>
                  {data.changes.map((c) => (
                    <ListItem key={c.id} disableGutters>
                      <ListItemText
                        primary={`${translate(`audit.actions.${c.action}`, { _: c.action })} · ${translate(`audit.entities.${c.entity}`, { _: c.entity })}`}
                        secondary={`${format.dateTime(c.at)} · ${c.username}`}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
              <Button component={Link} to="/auditLog" label="app.dashboard.allChanges" />
            </Section>
          )}
        </Box>
      )}
    </Box>
  );
}
