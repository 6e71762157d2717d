import AssignmentIcon from '@mui/icons-material/Assignment';
import { NominationCreate } from './NominationCreate';
import { NominationList } from './NominationList';
import { NominationShow } from './NominationShow';

export default { list: NominationList, show: NominationShow, create: NominationCreate, icon: AssignmentIcon, recordRepresentation: 'id' };
