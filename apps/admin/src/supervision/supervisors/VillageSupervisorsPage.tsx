import { graphql, type ResultOf } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Checkbox, Popconfirm, Table, Tag } from 'antd';
import { MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { useRowAction } from '../shared/useRowAction.ts';
import { AppointSupervisorDrawer } from './AppointSupervisorDrawer.tsx';

const SupervisorsQuery = graphql.persisted(
  'admin/AdminVillageSupervisors',
  graphql(`
  query AdminVillageSupervisors($filter: VillageSupervisorFilter, $first: Int!, $after: String) {
    supervisorCoverage {
      townshipId
      townshipName
      villagesWithPoor
      covered
      uncoveredVillages
    }
    villageSupervisors(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          name
          phone
          appointedOn
          endedOn
          serving
          viewerCanEnd
          village {
            name
          }
        }
      }
    }
  }
`),
);

const EndMutation = graphql.persisted(
  'admin/AdminEndVillageSupervisor',
  graphql(
    `
  mutation AdminEndVillageSupervisor($input: EndVillageSupervisorInput!) {
    endVillageSupervisor(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type SupervisorRow = ResultOf<typeof SupervisorsQuery>['villageSupervisors']['edges'][number]['node'];
type CoverageRow = ResultOf<typeof SupervisorsQuery>['supervisorCoverage'][number];

const route = getRouteApi('/supervision/village-supervisors');

/** 村级扶贫监督员: one per village with poor residents; coverage per township, appointment and departure. */
export function VillageSupervisorsPage() {
  const words = useWords(supervisionListWords);
  const pageWords = useWords(adminWords);
  const today = useCountyToday();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: SupervisorsQuery,
    variables: {
      filter: { serving: url.serving ?? null, search: url.search ?? null },
      first: paging.first,
      after: paging.after,
    },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const end = useRowAction(EndMutation, (d) => d?.endVillageSupervisor, page.refresh);
  const coverage = page.data?.supervisorCoverage ?? [];
  return (
    <ListPage<SupervisorRow, typeof page.url>
      title={pageWords.pageVillageSupervisors}
      extra={
        <ExportButton
          list="village-supervisors"
          filters={{ serving: page.url.serving, search: page.url.search }}
        />
      }
      header={
        <Table<CoverageRow>
          size="small"
          rowKey="townshipId"
          style={{ marginBottom: 16 }}
          data-testid="coverage-table"
          title={() => words.coverage}
          loading={page.fetching}
          pagination={false}
          dataSource={coverage}
          columns={[
            { title: words.township, dataIndex: 'townshipName', key: 'township' },
            { title: words.villagesWithPoor, dataIndex: 'villagesWithPoor', key: 'withPoor', align: 'right' },
            { title: words.covered, dataIndex: 'covered', key: 'covered', align: 'right' },
            {
              title: words.uncovered,
              key: 'uncovered',
              render: (_, c) => (c.uncoveredVillages.length ? c.uncoveredVillages.join('、') : '—'),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>∑</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span data-testid="coverage-with-poor">
                  {coverage.reduce((n, c) => n + c.villagesWithPoor, 0)}
                </span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <span data-testid="coverage-covered">{coverage.reduce((n, c) => n + c.covered, 0)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} />
            </Table.Summary.Row>
          )}
        />
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchSupervisors, width: 180 },
        <Checkbox
          key="serving"
          checked={page.url.serving ?? false}
          onChange={(e) => page.change({ serving: e.target.checked || undefined })}
        >
          {words.servingOnly}
        </Checkbox>,
      ]}
      create={{ permission: 'SUPERVISION_WRITE', text: words.appoint, onClick: drawer.open }}
      connection={page.data?.villageSupervisors}
      testId="supervisors-table"
      emptyText={words.noSupervisors}
      columns={[
        { title: words.village, key: 'village', render: (_, v) => v.village.name },
        { title: words.name, dataIndex: 'name', key: 'name' },
        { title: words.phone, key: 'phone', render: (_, v) => v.phone ?? '—' },
        { title: words.appointedOn, dataIndex: 'appointedOn', key: 'appointedOn', width: 110 },
        {
          title: words.status,
          key: 'serving',
          width: 130,
          render: (_, v) =>
            v.serving ? <Tag color="green">{words.serving}</Tag> : <Tag>{`${words.ended} ${v.endedOn}`}</Tag>,
        },
        {
          title: words.actions,
          key: 'actions',
          width: 80,
          render: (_, v) =>
            v.viewerCanEnd && (
              <Popconfirm
                title={`${words.endedOn} ${today}`}
                onConfirm={() => end({ input: { id: v.id, version: v.version, endedOn: today } })}
              >
                <Button size="small">{words.end}</Button>
              </Popconfirm>
            ),
        },
      ]}
    >
      {drawer.creating && <AppointSupervisorDrawer onClose={drawer.close} />}
    </ListPage>
  );
}
