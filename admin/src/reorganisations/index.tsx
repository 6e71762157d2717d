import CallMergeIcon from '@mui/icons-material/CallMerge';
import { lazyPage } from '../common/lazyPage';

const ReorganisationList = lazyPage(() => import('./ReorganisationList'), 'ReorganisationList');
const ReorganisationShow = lazyPage(() => import('./ReorganisationShow'), 'ReorganisationShow');
const ReorganisationCreate = lazyPage(() => import('./ReorganisationCreate'), 'ReorganisationCreate');

export default {
  list: ReorganisationList,
  show: ReorganisationShow,
  create: ReorganisationCreate,
  icon: CallMergeIcon,
  recordRepresentation: (r: { resolutionNumber: string; effectiveOn: string }) => `${r.resolutionNumber} (${r.effectiveOn})`,
};
