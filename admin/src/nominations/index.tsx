import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyPage } from '../common/lazyPage';

const NominationCreate = lazyPage(() => import('./NominationCreate'), 'NominationCreate');
const NominationList = lazyPage(() => import('./NominationList'), 'NominationList');
const NominationShow = lazyPage(() => import('./NominationShow'), 'NominationShow');

export default { list: NominationList, show: NominationShow, create: NominationCreate, icon: AssignmentIcon, recordRepresentation: 'id' };
