import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { UnitList } from './UnitList';
import { UnitShow } from './UnitShow';

export default {
  list: UnitList,
  show: UnitShow,
  icon: AccountTreeIcon,
  recordRepresentation: (unit: { name: string; code: string }) => `${unit.name} (${unit.code})`,
};
