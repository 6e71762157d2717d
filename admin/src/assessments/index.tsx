import FactCheckIcon from '@mui/icons-material/FactCheck';
import { AssessmentEntry } from './AssessmentEntry';
import { AssessmentList } from './AssessmentList';
import { AssessmentShow } from './AssessmentShow';

export default {
  list: AssessmentList,
  show: AssessmentShow,
  create: AssessmentEntry,
  icon: FactCheckIcon,
  recordRepresentation: (a: { unit: { name: string }; year: number }) => `${a.unit.name} — ${a.year}`,
};
