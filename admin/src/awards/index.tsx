import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { lazyPage } from '../common/lazyPage';

const AwardList = lazyPage(() => import('./AwardList'), 'AwardList');

/** Khen thưởng đã quyết định — the awards conferred by decisions; read-only (awards are made by deciding a nomination). */
export default { list: AwardList, icon: EmojiEventsIcon, recordRepresentation: 'decisionNumber' };
