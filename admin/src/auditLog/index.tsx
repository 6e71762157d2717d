import HistoryIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazyPage';

const AuditLogList = lazyPage(() => import('./AuditLogList'), 'AuditLogList');

export default { list: AuditLogList, icon: HistoryIcon };
