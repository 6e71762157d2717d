import { Layout as RaLayout, type LayoutProps } from 'react-admin';
import { Menu } from './Menu';

/**
 * The page frame. On a phone nothing may push the page sideways: the content column may shrink below its widest
 * child, and wide tables scroll inside their own box instead of widening the page.
 */
export function Layout(props: LayoutProps) {
  return (
    <RaLayout
      {...props}
      menu={Menu}
      sx={{
        // react-admin sizes its frame to fit its widest content (minWidth: fit-content): on a phone that is the table.
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        '& .RaList-main, & .RaList-content, & .RaShow-main, & .RaShow-card, & .MuiCardContent-root': { minWidth: 0, maxWidth: '100%' },
        '& .RaList-content, & .RaDataTable-root, & .RaDatagrid-root, & .RaTabbedShowLayout-content': { overflowX: 'auto' },
        '& .RaLayout-appFrame .MuiToolbar-root .MuiTypography-root': {
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          minWidth: 0,
        },
      }}
    />
  );
}
