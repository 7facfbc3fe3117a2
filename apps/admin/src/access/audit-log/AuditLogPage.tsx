import { graphql } from '@gongjian/schema';
import { EmptyState, formatInstant, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Card, Input, Table, Typography } from 'antd';
import { useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { ConnectionPager, useUrlList } from '../../shared/usePagedFilters.tsx';
import { adminWords } from '../../words.ts';
import { auditWords } from '../words.ts';

const AuditLogQuery = graphql.persisted(
  'admin/AdminAuditLog',
  graphql(`
  query AdminAuditLog(
    $from: Date
    $to: Date
    $action: String
    $entityType: String
    $actor: String
    $first: Int!
    $after: String
  ) {
    auditRetentionMonths
    auditLog(
      from: $from
      to: $to
      action: $action
      entityType: $entityType
      actor: $actor
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          actorName
          action
          entityType
          entityId
          reason
          before
          after
        }
      }
    }
  }
`),
);

const route = getRouteApi('/access/audit-log');

interface AuditFilter {
  from?: string;
  to?: string;
  action?: string;
  entityType?: string;
  actor?: string;
}

/** The export route takes the list's filters as query parameters and masks personal data itself. */
function exportUrl(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return `/access/audit-log/export${query ? `?${query}` : ''}`;
}

const details = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** 审计日志: who did what to which row, when and why; for the audit.read roles, masked, each look audited. */
export function AuditLogPage() {
  const words = useWords(auditWords);
  const { locale } = useLocale();
  const pageWords = useWords(adminWords);
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const filter: AuditFilter = {
    from: url.from,
    to: url.to,
    action: url.action,
    entityType: url.entityType,
    actor: url.actor,
  };
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AuditLogQuery,
    variables: {
      from: filter.from || null,
      to: filter.to || null,
      action: filter.action || null,
      entityType: filter.entityType || null,
      actor: filter.actor || null,
      first: paging.first,
      after: paging.after,
    },
  });
  const connection = data?.auditLog;
  const textFilter = (key: 'action' | 'entityType' | 'actor', placeholder: string, width: number) => (
    <Input.Search
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      style={{ width }}
      defaultValue={filter[key]}
      onSearch={(value) => change({ [key]: value.trim() || undefined })}
    />
  );
  return (
    <Card title={pageWords.pageAuditLog}>
      {data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={words.retention.replace('{months}', String(data.auditRetentionMonths))}
        />
      )}
      <div className="gj-page-toolbar">
        <span>{words.filterFrom}</span>
        <DateInput
          style={{ width: 160 }}
          value={filter.from}
          onChange={(from) => change({ from: from || undefined })}
        />
        <span>{words.filterTo}</span>
        <DateInput
          style={{ width: 160 }}
          value={filter.to}
          onChange={(to) => change({ to: to || undefined })}
        />
        {textFilter('action', words.filterAction, 280)}
        {textFilter('entityType', words.filterEntityType, 160)}
        {textFilter('actor', words.filterActor, 160)}
        <div style={{ flex: 1 }} />
        <Button href={exportUrl(filter)}>{words.exportExcel}</Button>
      </div>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <Table
        data-testid="audit-log-table"
        rowKey="id"
        loading={fetching}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <EmptyState description={words.noEntries} /> }}
        columns={[
          {
            title: words.columnOccurredAt,
            key: 'occurredAt',
            width: 180,
            render: (_, row) => formatInstant(row.occurredAt, locale),
          },
          {
            title: words.columnActor,
            key: 'actor',
            width: 180,
            render: (_, row) => row.actorName ?? words.system,
          },
          { title: words.columnAction, dataIndex: 'action', key: 'action', width: 170 },
          {
            title: words.columnEntity,
            key: 'entity',
            width: 150,
            render: (_, row) => `${row.entityType}${row.entityId ? ` #${row.entityId}` : ''}`,
          },
          { title: words.columnReason, dataIndex: 'reason', key: 'reason', width: 120 },
          {
            title: words.columnChange,
            key: 'change',
            render: (_, row) => (
              <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {row.before ? `${words.before}: ${details(row.before)}\n` : ''}
                {row.after ? `${words.after}: ${details(row.after)}` : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
    </Card>
  );
}
