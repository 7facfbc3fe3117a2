import type { EnumValue, FragmentOf } from '@gongjian/schema';
import {
  EmptyState,
  enumOptions,
  type LabelledEnum,
  QueryErrorAlert,
  RegionPicker,
  type RegionPicker_region,
  type useCursorPaging,
  useLocale,
} from '@gongjian/ui';
import { Button, Card, Input, Select, Table, type TableColumnsType, type TableProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { type AnyVariables, type CombinedError, type UseQueryArgs, useQuery } from 'urql';
import { ConnectionPager } from './usePagedFilters.tsx';
import { Can, type Permission } from './viewer.tsx';

export interface ListConnection<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ node: Row }>;
}

export interface ListPageProps<Row> {
  title: ReactNode;
  /** Buttons in the card's title bar (export, import). */
  extra?: ReactNode;
  /** What stands above the toolbar (a form that changes the list). */
  header?: ReactNode;
  /** The filters, at the left of the toolbar. */
  filters: ReactNode;
  /** The create button at the right of the toolbar, shown only to those holding the permission. */
  create?: { permission: Permission; text: ReactNode; onClick: () => void };
  /** Anything else at the right of the toolbar, before the create button. */
  actions?: ReactNode;
  /** What `useListQuery` gave back. */
  list: { fetching: boolean; error?: CombinedError; refresh: () => void };
  connection: ListConnection<Row> | undefined;
  paging: ReturnType<typeof useCursorPaging>;
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
export function ListPage<Row extends { id: string }>({
  title,
  extra,
  header,
  filters,
  create,
  actions,
  list,
  connection,
  paging,
  columns,
  emptyText,
  testId,
  tableProps,
  table,
  children,
}: ListPageProps<Row>) {
  return (
    <Card title={title} extra={extra}>
      {header}
      <div className="gj-page-toolbar">
        {filters}
        <div style={{ flex: 1 }} />
        {actions}
        {create && (
          <Can permission={create.permission}>
            <Button type="primary" onClick={create.onClick}>
              {create.text}
            </Button>
          </Can>
        )}
      </div>
      {list.error && <QueryErrorAlert error={list.error} onRetry={list.refresh} />}
      {table ?? (
        <Table<Row>
          {...tableProps}
          data-testid={testId}
          rowKey="id"
          loading={list.fetching}
          pagination={false}
          dataSource={connection?.edges.map((edge) => edge.node) ?? []}
          locale={{ emptyText: <EmptyState description={emptyText} /> }}
          columns={columns}
        />
      )}
      <ConnectionPager paging={paging} connection={connection} fetching={list.fetching} />
      {children}
    </Card>
  );
}

/** A list's query with `refresh`, which reads it again from the server (after a write). */
export function useListQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Variables, Data>) {
  const [{ data, fetching, error }, reexecute] = useQuery(args);
  return { data, fetching, error, refresh: () => reexecute({ requestPolicy: 'network-only' }) };
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

/** The search box of a list's toolbar; an empty search clears the filter. */
export function SearchFilter({
  placeholder,
  width,
  initial,
  onSearch,
}: {
  placeholder: string;
  width: number;
  initial: string | undefined;
  onSearch: (search: string | undefined) => void;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      style={{ width }}
      defaultValue={initial}
      onSearch={(value) => onSearch(value.trim() || undefined)}
    />
  );
}

/** A clearable choice among an enum's values; clearing it removes the filter. */
export function EnumFilter<Name extends LabelledEnum>({
  name,
  placeholder,
  width,
  value,
  onChange,
}: {
  name: Name;
  placeholder: string;
  width: number;
  value: EnumValue<Name> | null;
  onChange: (value: EnumValue<Name> | undefined) => void;
}) {
  const { locale } = useLocale();
  return (
    <Select<EnumValue<Name> | null>
      allowClear
      placeholder={placeholder}
      style={{ width }}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={enumOptions(name, locale)}
    />
  );
}

/** A region filter under the viewer's jurisdiction; choosing no region removes the filter. */
export function RegionFilter({
  id,
  jurisdiction,
  value,
  onChange,
}: {
  id?: string;
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  value: string[];
  onChange: (path: string[] | undefined) => void;
}) {
  return (
    <RegionPicker
      id={id}
      root={jurisdiction}
      value={value}
      onChange={(path) => onChange(path.length > 0 ? path : undefined)}
    />
  );
}
