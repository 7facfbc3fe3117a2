import { graphql } from '@gongjian/schema';
import { enumLabel, fill, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { Button, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { cockpitWords } from './words.ts';

export type DrillRequest =
  | {
      kind: 'HOUSEHOLDS';
      filter: 'POOR' | 'REGISTERED' | 'EXITED' | 'WITHOUT_HELPER' | 'NOT_VISITED_THIS_MONTH' | 'MONITORED';
      title?: string;
    }
  | { kind: 'TASKS'; status: 'DONE' | 'OVERDUE' | 'IN_PROGRESS'; unitId?: string | null; title?: string }
  | { kind: 'PROJECTS'; title?: string }
  | { kind: 'REPORTS'; filter: 'OPEN' | 'OVERDUE'; title?: string };

const DrillHouseholdsQuery = graphql.persisted(
  'leadership/CockpitDrillHouseholds',
  graphql(`
    query CockpitDrillHouseholds($filter: CockpitHouseholdFilter!, $regionId: ID, $asOf: Date, $after: String) {
      cockpitHouseholds(filter: $filter, regionId: $regionId, asOf: $asOf, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { householdNumber headName status memberCount village { name } } }
      }
    }
  `),
);

const DrillTasksQuery = graphql.persisted(
  'leadership/CockpitDrillTasks',
  graphql(`
    query CockpitDrillTasks($status: DerivedTaskStatus, $regionId: ID, $asOf: Date, $unitId: ID, $after: String) {
      tasks(status: $status, regionId: $regionId, asOf: $asOf, responsibleUnitId: $unitId, leavesOnly: true, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id title deadline responsibleUnit { name } region { name } } }
      }
    }
  `),
);

const DrillProjectsQuery = graphql.persisted(
  'leadership/CockpitDrillProjects',
  graphql(`
    query CockpitDrillProjects($regionId: ID, $after: String) {
      projects(regionId: $regionId, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name state year region { name } disbursedWanYuan } }
      }
    }
  `),
);

const DrillReportsQuery = graphql.persisted(
  'leadership/CockpitDrillReports',
  graphql(`
    query CockpitDrillReports($filter: CockpitReportFilter!, $regionId: ID, $asOf: Date, $after: String) {
      cockpitReports(filter: $filter, regionId: $regionId, asOf: $asOf, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id category channel receivedOn state region { name } assignedUnit { name } } }
      }
    }
  `),
);

interface Page<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

/** The rows behind one cockpit figure, paged by cursor, in a drawer over the overview. */
export function DrillDrawer({
  request,
  regionId,
  asOf,
  onClose,
}: {
  request: DrillRequest | null;
  regionId: string | null;
  asOf: string;
  onClose: () => void;
}) {
  const words = useWords(cockpitWords);
  const { locale } = useLocale();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const kind = request?.kind;
  const [households] = useQuery({
    query: DrillHouseholdsQuery,
    variables: { filter: request?.kind === 'HOUSEHOLDS' ? request.filter : 'POOR', regionId, asOf, after },
    pause: kind !== 'HOUSEHOLDS',
  });
  const [tasks] = useQuery({
    query: DrillTasksQuery,
    variables: {
      status: request?.kind === 'TASKS' ? request.status : null,
      unitId: request?.kind === 'TASKS' ? (request.unitId ?? null) : null,
      regionId,
      asOf,
      after,
    },
    pause: kind !== 'TASKS',
  });
  const [projects] = useQuery({
    query: DrillProjectsQuery,
    variables: { regionId, after },
    pause: kind !== 'PROJECTS',
  });
  const [reports] = useQuery({
    query: DrillReportsQuery,
    variables: { filter: request?.kind === 'REPORTS' ? request.filter : 'OPEN', regionId, asOf, after },
    pause: kind !== 'REPORTS',
  });
  const result =
    kind === 'HOUSEHOLDS' ? households : kind === 'TASKS' ? tasks : kind === 'REPORTS' ? reports : projects;
  const page = (
    kind === 'HOUSEHOLDS'
      ? households.data?.cockpitHouseholds
      : kind === 'TASKS'
        ? tasks.data?.tasks
        : kind === 'REPORTS'
          ? reports.data?.cockpitReports
          : projects.data?.projects
  ) as Page<Record<string, unknown>> | undefined;
  const name = (key: string) => (_: unknown, r: Record<string, unknown>) =>
    (r[key] as { name: string } | null)?.name ?? '—';
  const reportColumns = [
    { title: words.received, dataIndex: 'receivedOn' },
    { title: words.village, render: name('region') },
    {
      title: words.category,
      render: (_: unknown, r: Record<string, unknown>) =>
        enumLabel('ReportCategory', String(r.category), locale),
    },
    {
      title: words.channel,
      render: (_: unknown, r: Record<string, unknown>) =>
        enumLabel('ReportChannel', String(r.channel), locale),
    },
    {
      title: words.status,
      render: (_: unknown, r: Record<string, unknown>) => enumLabel('ReportState', String(r.state), locale),
    },
    { title: words.assignedUnit, render: name('assignedUnit') },
  ];

  const columns =
    kind === 'REPORTS'
      ? reportColumns
      : kind === 'HOUSEHOLDS'
        ? [
            { title: words.householdNumber, dataIndex: 'householdNumber' },
            { title: words.head, dataIndex: 'headName' },
            {
              title: words.village,
              render: (_: unknown, r: Record<string, unknown>) => (r.village as { name: string }).name,
            },
            {
              title: words.status,
              render: (_: unknown, r: Record<string, unknown>) =>
                enumLabel('HouseholdStatus', String(r.status), locale),
            },
            { title: words.members, dataIndex: 'memberCount' },
          ]
        : kind === 'TASKS'
          ? [
              { title: words.taskTitle, dataIndex: 'title' },
              {
                title: words.village,
                render: (_: unknown, r: Record<string, unknown>) => (r.region as { name: string }).name,
              },
              {
                title: words.unit,
                render: (_: unknown, r: Record<string, unknown>) =>
                  (r.responsibleUnit as { name: string }).name,
              },
              { title: words.deadline, dataIndex: 'deadline' },
            ]
          : [
              { title: words.projects, dataIndex: 'name' },
              {
                title: words.village,
                render: (_: unknown, r: Record<string, unknown>) => (r.region as { name: string }).name,
              },
              {
                title: words.status,
                render: (_: unknown, r: Record<string, unknown>) =>
                  enumLabel('ProjectState', String(r.state), locale),
              },
              { title: words.disbursed, dataIndex: 'disbursedWanYuan' },
            ];

  return (
    <Drawer
      open={request !== null}
      width={Math.min(880, window.innerWidth - 40)}
      title={`${request?.title ?? ''} · ${words.rows}`}
      onClose={() => {
        setCursors([null]);
        onClose();
      }}
      destroyOnHidden
    >
      {result.error && <QueryErrorAlert error={result.error} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="drill-total">
          {fill(words.total, { n: page?.totalCount ?? 0 })}
        </Typography.Text>
        <Table
          data-testid="drill-table"
          size="small"
          rowKey={(r) => String(r.id ?? r.householdNumber)}
          loading={result.fetching}
          dataSource={page?.edges.map((e) => e.node) ?? []}
          columns={columns}
          pagination={false}
        />
        <Space>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            ‹
          </Button>
          <Typography.Text>{cursors.length}</Typography.Text>
          <Button
            disabled={!page?.pageInfo.hasNextPage}
            onClick={() =>
              page?.pageInfo.endCursor && setCursors((c) => [...c, page.pageInfo.endCursor ?? null])
            }
          >
            ›
          </Button>
        </Space>
      </Space>
    </Drawer>
  );
}
