import { graphql } from '@gongjian/schema';
import { EmptyState, enumLabel, QueryErrorAlert, useCursorPaging, useLocale, useWords } from '@gongjian/ui';
import { Drawer, Progress, Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { taskStatusColours } from '../../shared/tagColours.ts';
import { ConnectionPager } from '../../shared/usePagedFilters.tsx';
import { battleMapWords } from './words.ts';

const CellTasksQuery = graphql.persisted(
  'admin/AdminBattleMapTasks',
  graphql(`
  query AdminBattleMapTasks(
    $regionId: ID!
    $combatGroupId: ID
    $withoutCombatGroup: Boolean
    $asOf: Date
    $first: Int!
    $after: String
  ) {
    tasks(
      regionId: $regionId
      combatGroupId: $combatGroupId
      withoutCombatGroup: $withoutCombatGroup
      leavesOnly: true
      asOf: $asOf
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
          title
          deadline
          progress
          status(asOf: $asOf)
          responsibleUnitName
          responsiblePersonName
        }
      }
    }
  }
`),
);

/** The leaf tasks behind one battle-map cell (a region, optionally one combat group). */
export function CellTasksDrawer(props: {
  regionId: string;
  combatGroupId: string | null;
  /** The 未分组 column: tasks of no combat group. */
  withoutCombatGroup: boolean;
  title: string;
  asOf: string;
  onClose: () => void;
}) {
  const words = useWords(battleMapWords);
  const { locale } = useLocale();
  const paging = useCursorPaging(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CellTasksQuery,
    variables: {
      regionId: props.regionId,
      combatGroupId: props.combatGroupId,
      withoutCombatGroup: props.withoutCombatGroup || null,
      asOf: props.asOf || null,
      first: paging.first,
      after: paging.after,
    },
  });
  const connection = data?.tasks;
  return (
    <Drawer open width={900} title={props.title} onClose={props.onClose} destroyOnHidden>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <Table
        data-testid="battle-map-tasks"
        rowKey="id"
        size="small"
        loading={fetching}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <EmptyState description={words.noTasks} /> }}
        columns={[
          { title: words.task, dataIndex: 'title', key: 'title' },
          {
            title: words.person,
            key: 'person',
            width: 220,
            render: (_, t) => `${t.responsibleUnitName} · ${t.responsiblePersonName}`,
          },
          { title: words.deadline, dataIndex: 'deadline', key: 'deadline', width: 110 },
          {
            title: words.status,
            key: 'status',
            width: 90,
            render: (_, t) => (
              <Tag color={taskStatusColours[t.status]}>
                {enumLabel('DerivedTaskStatus', t.status, locale)}
              </Tag>
            ),
          },
          {
            title: words.progress,
            key: 'progress',
            width: 130,
            render: (_, t) => <Progress percent={t.progress} size="small" />,
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
    </Drawer>
  );
}
