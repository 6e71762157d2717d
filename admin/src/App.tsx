import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import assessments from './assessments';
import auditLog from './auditLog';
import awards from './awards';
import awardForms from './awardForms';
import awardStandards from './awardStandards';
import contributions from './contributions';
import nominations from './nominations';
import { authProvider } from './authProvider';
import { lazyPage } from './common/lazyPage';
import campaigns from './campaigns';
import criteriaSets from './criteriaSets';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { Notification } from './layout/Notification';
import { LoginPage } from './signIn/LoginPage';
import recognitions from './recognitions';
import reorganisations from './reorganisations';
import targets from './targets';
import units from './units';
import users from './users';

const EligibilityPage = lazyPage(() => import('./eligibility/EligibilityPage'), 'EligibilityPage');
const Dashboard = lazyPage(() => import('./layout/Dashboard'), 'Dashboard');
const ComparePage = lazyPage(() => import('./insights/ComparePage'), 'ComparePage');
const ProgressPage = lazyPage(() => import('./insights/ProgressPage'), 'ProgressPage');
const TargetGrid = lazyPage(() => import('./targets/TargetGrid'), 'TargetGrid');
const ImportPage = lazyPage(() => import('./imports/ImportPage'), 'ImportPage');

export function App() {
  return (
    <Admin
      title="NTM Hub"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      notification={Notification}
      loginPage={LoginPage}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="units" {...units} />
      <Resource name="reorganisations" {...reorganisations} />
      <Resource name="campaigns" {...campaigns} />
      <Resource name="criteriaSets" {...criteriaSets} />
      <Resource name="assessments" {...assessments} />
      <Resource name="recognitions" {...recognitions} />
      <Resource name="awardForms" {...awardForms} />
      <Resource name="awardStandards" {...awardStandards} />
      <Resource name="contributions" {...contributions} />
      <Resource name="nominations" {...nominations} />
      <Resource name="awards" {...awards} />
      <Resource name="auditLog" {...auditLog} />
      <Resource name="users" {...users} />
      <Resource name="targets" {...targets} />
      <Resource name="metrics" recordRepresentation="nameVi" />
      <CustomRoutes>
        <Route path="/targets/grid" element={<TargetGrid />} />
        <Route path="/compare" element={<ComparePage />} />
        <Route path="/progress" element={<ProgressPage />} />
        <Route path="/eligibility" element={<EligibilityPage />} />
        <Route path="/imports" element={<ImportPage />} />
      </CustomRoutes>
    </Admin>
  );
}
