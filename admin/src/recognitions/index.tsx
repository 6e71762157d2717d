import VerifiedIcon from '@mui/icons-material/Verified';
import { RecognitionCreate } from './RecognitionCreate';
import { RecognitionList } from './RecognitionList';

export default {
  list: RecognitionList,
  create: RecognitionCreate,
  icon: VerifiedIcon,
  recordRepresentation: 'decisionNumber',
};
