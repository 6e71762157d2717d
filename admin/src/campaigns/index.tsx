import FlagIcon from '@mui/icons-material/Flag';
import { CampaignCreate, CampaignEdit } from './CampaignForms';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

export default {
  list: CampaignList,
  show: CampaignShow,
  edit: CampaignEdit,
  create: CampaignCreate,
  icon: FlagIcon,
  recordRepresentation: 'name',
};
