import RuleIcon from '@mui/icons-material/Rule';
import { AwardStandardCreate, AwardStandardEdit } from './AwardStandardForms';
import { AwardStandardList } from './AwardStandardList';
import { AwardStandardShow } from './AwardStandardShow';

export default {
  list: AwardStandardList,
  show: AwardStandardShow,
  create: AwardStandardCreate,
  edit: AwardStandardEdit,
  icon: RuleIcon,
  recordRepresentation: (r: { criteriaText: string }) => (r.criteriaText.length > 60 ? `${r.criteriaText.slice(0, 60)}…` : r.criteriaText),
};
