import BarChartIcon from '@mui/icons-material/BarChart';
import ShowChartIcon from '@mui/icons-material/ShowChart';
import type { ReactElement } from 'react';

/** Menu entries of the pages built on the insights subgraph (custom routes, not resources). */
export const extraMenu: { key: string; section?: string; to?: string; label?: string; icon?: ReactElement }[] = [
  { key: 'insights', section: 'insights' },
  { key: 'compare', to: '/compare', label: 'insights.compare.title', icon: <BarChartIcon /> },
  { key: 'progress', to: '/progress', label: 'insights.progress.title', icon: <ShowChartIcon /> },
];
