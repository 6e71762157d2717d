import FactCheckIcon from '@mui/icons-material/FactCheck';
import GridOnIcon from '@mui/icons-material/GridOn';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Divider, Typography } from '@mui/material';
import { Fragment } from 'react';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';
import { useCan, useImportKinds } from '../capabilities';
import { extraMenu } from './extraMenu';

/**
 * The sidebar, grouped as the users work: plans, assessment, awards, insights, system. Resources the user may not
 * read are left out by react-admin (`authProvider.canAccess`); pages for changing things need the capability.
 */
export function Menu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const mayPlan = useCan('PLAN_CAMPAIGNS');
  const mayAudit = useCan('READ_AUDIT_LOG');
  const mayAccounts = useCan('MANAGE_ACCOUNTS');
  const mayImport = useImportKinds().length > 0;
  const section = (key: string) => (
    <Fragment>
      <Divider sx={{ my: 0.5 }} />
      {open && (
        <Typography variant="overline" component="div" sx={{ px: 2, color: 'text.secondary' }}>
          {translate(`app.menu.${key}`)}
        </Typography>
      )}
    </Fragment>
  );
  return (
    // Long labels wrap onto a second line rather than being cut.
    <RaMenu
      sx={{
        '& .MuiMenuItem-root': { whiteSpace: 'normal' },
        '& .MuiMenuItem-root .MuiTypography-root': { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 },
      }}
    >
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="units" />
      <RaMenu.ResourceItem name="reorganisations" />
      {section('plans')}
      <RaMenu.ResourceItem name="campaigns" />
      <RaMenu.ResourceItem name="targets" />
      {mayPlan && <RaMenu.Item to="/targets/grid" primaryText={translate('resources.targets.grid.menu')} leftIcon={<GridOnIcon />} />}
      <RaMenu.ResourceItem name="criteriaSets" />
      {section('assessment')}
      <RaMenu.ResourceItem name="assessments" />
      <RaMenu.ResourceItem name="recognitions" />
      {section('awards')}
      <RaMenu.ResourceItem name="awardForms" />
      <RaMenu.ResourceItem name="awardStandards" />
      <RaMenu.Item to="/eligibility" primaryText={translate('awards.eligibility.title')} leftIcon={<FactCheckIcon />} />
      <RaMenu.ResourceItem name="contributions" />
      <RaMenu.ResourceItem name="nominations" />
      <RaMenu.ResourceItem name="awards" />
      {extraMenu.map((item) =>
        item.section ? (
          <Fragment key={item.key}>{section(item.section)}</Fragment>
        ) : (
          <RaMenu.Item key={item.key} to={item.to!} primaryText={translate(item.label!, { smart_count: 2 })} leftIcon={item.icon} />
        ),
      )}
      {(mayAudit || mayAccounts || mayImport) && section('system')}
      {mayImport && <RaMenu.Item to="/imports" primaryText={translate('imports.menu')} leftIcon={<UploadFileIcon />} />}
      <RaMenu.ResourceItem name="auditLog" />
      <RaMenu.ResourceItem name="users" />
    </RaMenu>
  );
}
