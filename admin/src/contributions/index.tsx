import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { lazyPage } from '../common/lazyPage';

const ContributionCreate = lazyPage(() => import('./ContributionCreate'), 'ContributionCreate');
const ContributionList = lazyPage(() => import('./ContributionList'), 'ContributionList');

export default { list: ContributionList, create: ContributionCreate, icon: VolunteerActivismIcon };
