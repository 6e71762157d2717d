import { TablePagination, type TablePaginationProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from './format';

/** MUI's table pager with react-admin's words in the reader's language ("1–25 trên 63", "Số dòng mỗi trang"). */
export function TablePager(props: Omit<TablePaginationProps, 'component'>) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <TablePagination
      component="div"
      labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
      labelDisplayedRows={({ from, to, count }) =>
        translate('ra.navigation.page_range_info', {
          offsetBegin: format.number(from),
          offsetEnd: format.number(to),
          total: format.number(count),
        })
      }
      getItemAriaLabel={(type) => translate(`ra.navigation.${type === 'previous' ? 'previous' : type === 'next' ? 'next' : type}`)}
      {...props}
    />
  );
}
