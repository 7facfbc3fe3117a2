import { graphql, type ResultOf } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { useRowAction } from '../shared/useRowAction.ts';
import { RecordFindingDrawer, RecordInspectionDrawer } from './InspectionDrawers.tsx';

const InspectionsQuery = graphql.persisted(
  'admin/AdminInspections',
  graphql(`
  query AdminInspections($filter: InspectionFilter, $first: Int!, $after: String) {
    inspections(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          scope
          startsOn
          endsOn
          inspectors
          findingCount
          viewerCanRecordFinding
          findings {
            id
            version
            description
            foundOn
            status
            viewerCanClose
            region {
              name
            }
            task {
              title
              deadline
              status
            }
          }
        }
      }
    }
  }
`),
);

const CloseFindingMutation = graphql.persisted(
  'admin/AdminCloseInspectionFinding',
  graphql(
    `
  mutation AdminCloseInspectionFinding($input: CloseInspectionFindingInput!) {
    closeInspectionFinding(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type InspectionRow = ResultOf<typeof InspectionsQuery>['inspections']['edges'][number]['node'];
type FindingRow = InspectionRow['findings'][number];

const route = getRouteApi('/supervision/inspections');

/** 督查巡查: the supervision group's inspections, each finding a rectification task; a finding closes once its task is done. */
export function InspectionsPage() {
  const words = useWords(supervisionListWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: InspectionsQuery,
    variables: { filter: { search: url.search ?? null }, first: paging.first, after: paging.after },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const [findingFor, setFindingFor] = useState<InspectionRow | null>(null);
  const closeFinding = useRowAction(CloseFindingMutation, (d) => d?.closeInspectionFinding, page.refresh);
  const findingColumns = [
    { title: words.foundOn, dataIndex: 'foundOn', key: 'foundOn', width: 110 },
    { title: words.region, key: 'region', width: 120, render: (_: unknown, f: FindingRow) => f.region.name },
    { title: words.description, dataIndex: 'description', key: 'description' },
    {
      title: words.task,
      key: 'task',
      render: (_: unknown, f: FindingRow) => (
        <Space size="small" wrap>
          <Tag data-testid="finding-task-status">{enumLabel('DerivedTaskStatus', f.task.status, locale)}</Tag>
          {words.deadline} {f.task.deadline}
          <Link to="/responsibility/tasks" search={{ search: f.task.title }}>
            {words.openTask}
          </Link>
        </Space>
      ),
    },
    {
      title: words.status,
      key: 'status',
      width: 90,
      render: (_: unknown, f: FindingRow) => (
        <Tag color={f.status === 'CLOSED' ? 'success' : 'warning'}>
          {enumLabel('InspectionFindingStatus', f.status, locale)}
        </Tag>
      ),
    },
    {
      title: words.actions,
      key: 'actions',
      width: 80,
      render: (_: unknown, f: FindingRow) =>
        f.viewerCanClose && (
          <Popconfirm
            title={words.closeFindingConfirm}
            onConfirm={() => closeFinding({ input: { id: f.id, version: f.version } })}
          >
            <Button size="small">{words.closeFinding}</Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <ListPage<InspectionRow, typeof page.url>
      title={pageWords.pageInspections}
      extra={<ExportButton list="inspection-findings" filters={{ search: page.url.search }} />}
      page={page}
      filters={[{ search: 'search', placeholder: words.searchInspections, width: 220 }]}
      create={{ permission: 'SUPERVISION_WRITE', text: words.recordInspection, onClick: drawer.open }}
      connection={page.data?.inspections}
      testId="inspections-table"
      emptyText={words.noInspections}
      tableProps={{
        expandable: {
          rowExpandable: (i) => i.findingCount > 0,
          expandedRowRender: (i) => (
            <Table<FindingRow>
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="findings-table"
              dataSource={i.findings}
              columns={findingColumns}
            />
          ),
        },
      }}
      columns={[
        { title: words.title, dataIndex: 'title', key: 'title' },
        { title: words.scope, dataIndex: 'scope', key: 'scope' },
        { title: words.dates, key: 'dates', width: 210, render: (_, i) => `${i.startsOn} ~ ${i.endsOn}` },
        { title: words.inspectors, dataIndex: 'inspectors', key: 'inspectors' },
        {
          title: words.findingCount,
          dataIndex: 'findingCount',
          key: 'findingCount',
          align: 'right',
          width: 90,
        },
        {
          title: words.actions,
          key: 'actions',
          width: 120,
          render: (_, i) =>
            i.viewerCanRecordFinding && (
              <Button size="small" onClick={() => setFindingFor(i)}>
                {words.recordFinding}
              </Button>
            ),
        },
      ]}
    >
      {drawer.creating && <RecordInspectionDrawer onClose={drawer.close} />}
      {findingFor && (
        <RecordFindingDrawer
          inspection={findingFor}
          onClose={(saved) => {
            setFindingFor(null);
            if (saved) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
