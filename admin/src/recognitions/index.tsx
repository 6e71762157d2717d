import VerifiedIcon from '@mui/icons-material/Verified';
import { lazyPage } from '../common/lazyPage';

const RecognitionCreate = lazyPage(() => import('./RecognitionCreate'), 'RecognitionCreate');
const RecognitionList = lazyPage(() => import('./RecognitionList'), 'RecognitionList');

export default {
  list: RecognitionList,
  create: RecognitionCreate,
  icon: VerifiedIcon,
  recordRepresentation: 'decisionNumber',
};
