import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { ContributionCreate } from './ContributionCreate';
import { ContributionList } from './ContributionList';

export default { list: ContributionList, create: ContributionCreate, icon: VolunteerActivismIcon };
