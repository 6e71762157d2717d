import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import { IconButton, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Why there is a "Tại ngày" field: the 2025 reorganisation reused codes. Shown beside every such field. */
export function AsOfHelp() {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('app.asOfHelp')} enterTouchDelay={0}>
      <IconButton
        size="small"
        sx={{ p: 0.25, ml: 0.25, verticalAlign: 'middle' }}
        aria-label={translate('app.asOfHelp')}
        data-testid="as-of-help"
      >
        <HelpOutlineIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
