import CallMergeIcon from '@mui/icons-material/CallMerge';
import { ReorganisationCreate } from './ReorganisationCreate';
import { ReorganisationList } from './ReorganisationList';
import { ReorganisationShow } from './ReorganisationShow';

export default {
  list: ReorganisationList,
  show: ReorganisationShow,
  create: ReorganisationCreate,
  icon: CallMergeIcon,
  recordRepresentation: (r: { resolutionNumber: string; effectiveOn: string }) => `${r.resolutionNumber} (${r.effectiveOn})`,
};
