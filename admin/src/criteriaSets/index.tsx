import RuleIcon from '@mui/icons-material/Rule';
import { CriteriaSetCreate, CriteriaSetEdit } from './CriteriaSetForms';
import { CriteriaSetList } from './CriteriaSetList';
import { CriteriaSetShow } from './CriteriaSetShow';

export default {
  list: CriteriaSetList,
  show: CriteriaSetShow,
  create: CriteriaSetCreate,
  edit: CriteriaSetEdit,
  icon: RuleIcon,
  recordRepresentation: (set: { code: string; name: string }) => `${set.name} (${set.code})`,
};
