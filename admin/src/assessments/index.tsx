import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../common/lazyPage';

const AssessmentEntry = lazyPage(() => import('./AssessmentEntry'), 'AssessmentEntry');
const AssessmentList = lazyPage(() => import('./AssessmentList'), 'AssessmentList');
const AssessmentShow = lazyPage(() => import('./AssessmentShow'), 'AssessmentShow');

export default {
  list: AssessmentList,
  show: AssessmentShow,
  create: AssessmentEntry,
  icon: FactCheckIcon,
  recordRepresentation: (a: { unit: { name: string }; year: number }) => `${a.unit.name} — ${a.year}`,
};
