import RuleIcon from '@mui/icons-material/Rule';
import { lazyPage } from '../common/lazyPage';

const CriteriaSetCreate = lazyPage(() => import('./CriteriaSetForms'), 'CriteriaSetCreate');
const CriteriaSetEdit = lazyPage(() => import('./CriteriaSetForms'), 'CriteriaSetEdit');
const CriteriaSetList = lazyPage(() => import('./CriteriaSetList'), 'CriteriaSetList');
const CriteriaSetShow = lazyPage(() => import('./CriteriaSetShow'), 'CriteriaSetShow');

export default {
  list: CriteriaSetList,
  show: CriteriaSetShow,
  create: CriteriaSetCreate,
  edit: CriteriaSetEdit,
  icon: RuleIcon,
  recordRepresentation: (set: { code: string; name: string }) => `${set.name} (${set.code})`,
};
