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
      sx={(theme) => ({
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
        // The page title sits in an inline-block inside the app bar's heading, which an ellipsis does not reach: on a
        // phone "Tạo Sắp xếp đơn vị hành chính" was cut to "Tạo Sắ" under the language button. As a block it ends in "…".
        '& #react-admin-title > *': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        // On a phone the language menu shows its icon only (its name stays its accessible name): "TIẾNG VIỆT ▾" took
        // 145 of 390 px and left the title 64, too few for "Chỉ tiêu".
        [theme.breakpoints.down('sm')]: {
          '& .RaAppBar-toolbar .MuiButton-root': { fontSize: 0, minWidth: 0, '& .MuiButton-startIcon': { mr: 0 } },
        },
      })}
    />
  );
}
