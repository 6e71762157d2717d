import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { lazyPage } from '../common/lazyPage';

const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserList = lazyPage(() => import('./UserList'), 'UserList');

export default { list: UserList, create: UserCreate, icon: ManageAccountsIcon, recordRepresentation: 'username' };
