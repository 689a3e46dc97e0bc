import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

type Paged = { page: number; pageSize: number };

/**
 * The pagination every list uses: page sizes 10–100, the total in words, and a callback that
 * receives the new page and size (the caller keeps them in its query parameters).
 */
export function listPagination<P extends Paged>(
  params: P,
  total: number | undefined,
  setParams: (update: (p: P) => P) => void,
  t: TFunction,
): TablePaginationConfig {
  return {
    current: params.page,
    pageSize: params.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
  };
}
