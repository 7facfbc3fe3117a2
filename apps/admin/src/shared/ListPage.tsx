import { EmptyState, QueryErrorAlert, type useCursorPaging } from '@gongjian/ui';
import { Button, Card, Table, type TableColumnsType, type TableProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { type AnyVariables, type CombinedError, type UseQueryArgs, useQuery } from 'urql';
import { FilterBar, type ListFilter } from './listFilters.tsx';
import { ConnectionPager, type PagingSearch, useUrlList } from './usePagedFilters.tsx';
import { Can, type Permission } from './viewer.tsx';

export interface ListConnection<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ node: Row }>;
}

/** A list page's state as `useListPage` gives it: the URL, its paging, and the query's result. */
export interface ListPageState<Search> {
  url: Search;
  change: (next: Partial<Search>) => void;
  paging: ReturnType<typeof useCursorPaging>;
  fetching: boolean;
  error?: CombinedError;
  refresh: () => void;
}

export interface ListPageProps<Row, Search> {
  title: ReactNode;
  /** Buttons in the card's title bar (export, import). */
  extra?: ReactNode;
  /** What stands above the toolbar (a form that changes the list). */
  header?: ReactNode;
  page: ListPageState<Search>;
  /** The filters at the left of the toolbar, as data (see `ListFilter`). */
  filters: readonly ListFilter<Search>[];
  /** The create button at the right of the toolbar, shown only to those holding the permission. */
  create?: { permission: Permission; text: ReactNode; onClick: () => void };
  connection: ListConnection<Row> | undefined;
  /** The table's columns, its empty text and any further table property (a test id, an expandable row). */
  columns?: TableColumnsType<Row>;
  emptyText?: string;
  testId?: string;
  tableProps?: Omit<TableProps<Row>, 'columns' | 'dataSource' | 'loading' | 'pagination' | 'rowKey'>;
  /** A table of the list's own, in place of `columns`. */
  table?: ReactNode;
  /** What opens over the list: drawers and modals. */
  children?: ReactNode;
}

/** A filtered, paged list in a card: toolbar, the query's error, the table, the pager, then its drawers. */
export function ListPage<Row extends { id: string }, Search>({
  title,
  extra,
  header,
  page,
  filters,
  create,
  connection,
  columns,
  emptyText,
  testId,
  tableProps,
  table,
  children,
}: ListPageProps<Row, Search>) {
  return (
    <Card title={title} extra={extra}>
      {header}
      <div className="gj-page-toolbar">
        <FilterBar filters={filters} url={page.url} change={page.change} />
        <div style={{ flex: 1 }} />
        {create && (
          <Can permission={create.permission}>
            <Button type="primary" onClick={create.onClick}>
              {create.text}
            </Button>
          </Can>
        )}
      </div>
      {page.error && <QueryErrorAlert error={page.error} onRetry={page.refresh} />}
      {table ?? (
        <Table<Row>
          {...tableProps}
          data-testid={testId}
          rowKey="id"
          loading={page.fetching}
          pagination={false}
          dataSource={connection?.edges.map((edge) => edge.node) ?? []}
          locale={{ emptyText: <EmptyState description={emptyText} /> }}
          columns={columns}
        />
      )}
      <ConnectionPager paging={page.paging} connection={connection} fetching={page.fetching} />
      {children}
    </Card>
  );
}

/**
 * A list whose filters and page live in the URL, and its query: `queryOf` gets the URL's search and the
 * paging and gives the query to run; `refresh` reads it again from the server (after a write).
 */
export function useListPage<Search extends PagingSearch, Data, Variables extends AnyVariables>(
  url: Search,
  navigate: (options: { search: (current: Search) => Search }) => unknown,
  queryOf: (url: Search, paging: ReturnType<typeof useCursorPaging>) => UseQueryArgs<Variables, Data>,
) {
  const { paging, change, update } = useUrlList(url, navigate);
  const [{ data, fetching, error }, reexecute] = useQuery(queryOf(url, paging));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return {
    url,
    change: change as (next: Partial<Search>) => void,
    update,
    paging,
    data,
    fetching,
    error,
    refresh,
  };
}

/** Whether a list's create drawer is open; closing it after a save refreshes the list. */
export function useCreateDrawer(refresh: () => void) {
  const [creating, setCreating] = useState(false);
  return {
    creating,
    open: () => setCreating(true),
    close: (saved: boolean) => {
      setCreating(false);
      if (saved) refresh();
    },
  };
}
