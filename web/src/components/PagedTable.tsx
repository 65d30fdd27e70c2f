// A table over one of the API's paged lists ({ items, total, page, pageSize }):
// it owns the page and page size, goes back to page 1 when the filters change,
// keeps the previous page on screen while the next loads, and shows errors.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import type { TableProps } from 'antd';
import { api, type Page, type Query } from '../api';
import { useT } from '../i18n';
import { ErrorAlert } from './errors';

export interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> {
  /** Start of the query key; the filters and page are appended (e.g. ['users', 'list']). */
  queryKey: readonly unknown[];
  /** The list endpoint, e.g. '/api/users'. */
  path: string;
  /** Filters sent with every page; a change goes back to page 1. */
  params: Query;
  enabled?: boolean;
  defaultPageSize?: number;
  testId?: string;
}

export function PagedTable<T extends object>({
  queryKey, path, params, enabled = true, defaultPageSize = 20, testId, rowKey = 'id', ...tableProps
}: PagedTableProps<T>) {
  const t = useT();
  const filterKey = JSON.stringify(params);
  const [paging, setPaging] = useState({ filterKey, page: 1, pageSize: defaultPageSize });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const pageSize = paging.pageSize;

  const query = useQuery({
    queryKey: [...queryKey, params, page, pageSize],
    queryFn: () => api.get<Page<T>>(path, { ...params, page, pageSize }),
    enabled,
    placeholderData: keepPreviousData,
  });

  return (
    <div data-testid={testId}>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Table<T>
        rowKey={rowKey}
        size="middle"
        scroll={{ x: 'max-content' }}
        {...tableProps}
        dataSource={query.data?.items ?? []}
        loading={enabled && (query.isPending || query.isFetching)}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { n: total }),
          onChange: (p, ps) => setPaging({ filterKey, page: ps !== pageSize ? 1 : p, pageSize: ps }),
        }}
      />
    </div>
  );
}
