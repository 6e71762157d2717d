import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import assessments from './assessments';
import auditLog from './auditLog';
import awardDecisions from './awardDecisions';
import awardForms from './awardForms';
import { EligibilityPage } from './awards/EligibilityPage';
import awardStandards from './awardStandards';
import contributions from './contributions';
import nominations from './nominations';
import { authProvider } from './authProvider';
import campaigns from './campaigns';
import criteriaSets from './criteriaSets';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Dashboard } from './layout/Dashboard';
import { Layout } from './layout/Layout';
import recognitions from './recognitions';
import reorganisations from './reorganisations';
import { ComparePage } from './insights/ComparePage';
import { ProgressPage } from './insights/ProgressPage';
import targets from './targets';
import { TargetGrid } from './targets/TargetGrid';
import units from './units';
import users from './users';

export function App() {
  return (
    <Admin
      title="NTM Hub"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
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
      <Resource name="awards" {...awardDecisions} />
      <Resource name="auditLog" {...auditLog} />
      <Resource name="users" {...users} />
      <Resource name="targets" {...targets} />
      <Resource name="metrics" recordRepresentation="nameVi" />
      <CustomRoutes>
        <Route path="/targets/grid" element={<TargetGrid />} />
        <Route path="/compare" element={<ComparePage />} />
        <Route path="/progress" element={<ProgressPage />} />
        <Route path="/eligibility" element={<EligibilityPage />} />
      </CustomRoutes>
    </Admin>
  );
}
