import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import { TargetCreate, TargetEdit } from './TargetForms';
import { TargetList } from './TargetList';

export default {
  list: TargetList,
  edit: TargetEdit,
  create: TargetCreate,
  icon: TrackChangesIcon,
  recordRepresentation: (t: { metric: { nameVi: string }; unit: { name: string } }) => `${t.metric.nameVi} — ${t.unit.name}`,
};
