import AssignmentIcon from '@mui/icons-material/Assignment';
import { NominationList } from './NominationList';
import { NominationShow } from './NominationShow';

export default { list: NominationList, show: NominationShow, icon: AssignmentIcon, recordRepresentation: 'id' };
