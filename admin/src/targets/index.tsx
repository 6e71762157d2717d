import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import { lazyPage } from '../common/lazyPage';

const TargetCreate = lazyPage(() => import('./TargetForms'), 'TargetCreate');
const TargetEdit = lazyPage(() => import('./TargetForms'), 'TargetEdit');
const TargetList = lazyPage(() => import('./TargetList'), 'TargetList');

export default {
  list: TargetList,
  edit: TargetEdit,
  create: TargetCreate,
  icon: TrackChangesIcon,
  recordRepresentation: (t: { metric: { nameVi: string }; unit: { name: string } }) => `${t.metric.nameVi} — ${t.unit.name}`,
};
