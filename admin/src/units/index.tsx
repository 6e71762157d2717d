import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyPage } from '../common/lazyPage';

const UnitList = lazyPage(() => import('./UnitList'), 'UnitList');
const UnitShow = lazyPage(() => import('./UnitShow'), 'UnitShow');

export default {
  list: UnitList,
  show: UnitShow,
  icon: AccountTreeIcon,
  recordRepresentation: (unit: { name: string; code: string }) => `${unit.name} (${unit.code})`,
};
