import FlagIcon from '@mui/icons-material/Flag';
import { lazyPage } from '../common/lazyPage';

const CampaignCreate = lazyPage(() => import('./CampaignForms'), 'CampaignCreate');
const CampaignEdit = lazyPage(() => import('./CampaignForms'), 'CampaignEdit');
const CampaignList = lazyPage(() => import('./CampaignList'), 'CampaignList');
const CampaignShow = lazyPage(() => import('./CampaignShow'), 'CampaignShow');

export default {
  list: CampaignList,
  show: CampaignShow,
  edit: CampaignEdit,
  create: CampaignCreate,
  icon: FlagIcon,
  recordRepresentation: 'name',
};
