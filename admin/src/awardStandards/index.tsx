import RuleIcon from '@mui/icons-material/Rule';
import { lazyPage } from '../common/lazyPage';

const AwardStandardCreate = lazyPage(() => import('./AwardStandardForms'), 'AwardStandardCreate');
const AwardStandardEdit = lazyPage(() => import('./AwardStandardForms'), 'AwardStandardEdit');
const AwardStandardList = lazyPage(() => import('./AwardStandardList'), 'AwardStandardList');
const AwardStandardShow = lazyPage(() => import('./AwardStandardShow'), 'AwardStandardShow');

export default {
  list: AwardStandardList,
  show: AwardStandardShow,
  create: AwardStandardCreate,
  edit: AwardStandardEdit,
  icon: RuleIcon,
  recordRepresentation: (r: { criteriaText: string }) => (r.criteriaText.length > 60 ? `${r.criteriaText.slice(0, 60)}…` : r.criteriaText),
};
