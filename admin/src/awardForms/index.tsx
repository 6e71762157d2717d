import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import { lazyPage } from '../common/lazyPage';

const AwardFormList = lazyPage(() => import('./AwardFormList'), 'AwardFormList');

export default { list: AwardFormList, icon: MilitaryTechIcon, recordRepresentation: 'nameVi' };
