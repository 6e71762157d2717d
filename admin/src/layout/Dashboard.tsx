import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Button, Title, useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { grantedUnits } from '../authProvider';

/** Start page: who is signed in, with which roles, and shortcuts to the daily tasks. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const grants = grantedUnits();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.dashboard.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" gutterBottom>{translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
          <Typography variant="body1" sx={{ mb: 2 }}>{translate('app.dashboard.intro')}</Typography>
          <Typography variant="subtitle2">{translate('app.dashboard.grants')}</Typography>
          <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap' }}>
            {grants.map((g) => <Chip key={`${g.role}-${g.id}`} label={`${translate(`enums.Role.${g.role}`)} — ${g.name}`} />)}
          </Stack>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('app.dashboard.shortcuts')}</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
            <Button component={Link} to="/units" label="resources.units.name" variant="outlined" />
            <Button component={Link} to="/campaigns" label="resources.campaigns.name" variant="outlined" />
            <Button component={Link} to="/targets/grid" label="resources.targets.grid.title" variant="outlined" />
            <Button component={Link} to="/assessments/create" label="resources.assessments.entry.title" variant="outlined" />
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
