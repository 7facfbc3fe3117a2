import { graphql, type ResultOf } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Table, Tag } from 'antd';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton, YearFilter } from '../shared/ExportButton.tsx';
import { RecordCaseDrawer } from './RecordCaseDrawer.tsx';

const AccountabilityQuery = graphql.persisted(
  'admin/AdminAccountability',
  graphql(`
  query AdminAccountability($filter: AccountabilityFilter, $first: Int!, $after: String) {
    accountabilityCounts {
      year
      kind
      count
    }
    accountabilityCases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          year
          decidedOn
          personName
          personPost
          measure
          summary
          basis
          unit {
            name
          }
          report {
            subject
          }
          inspectionFinding {
            description
          }
          auditFinding {
            description
          }
        }
      }
    }
  }
`),
);

type CaseRow = ResultOf<typeof AccountabilityQuery>['accountabilityCases']['edges'][number]['node'];
type CountRow = { year: number; CONDUCT_ACCOUNTABILITY: number; CASE_OPENED: number };

const route = getRouteApi('/supervision/accountability');

/** 作风问责与立案: people held accountable and cases opened, each on the record behind it; counts by year and kind. */
export function AccountabilityPage() {
  const words = useWords(supervisionListWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: AccountabilityQuery,
    variables: {
      filter: { year: url.year ?? null, kind: url.kind ?? null, search: url.search ?? null },
      first: paging.first,
      after: paging.after,
    },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const byYear = new Map<number, CountRow>();
  for (const c of page.data?.accountabilityCounts ?? []) {
    const row = byYear.get(c.year) ?? { year: c.year, CONDUCT_ACCOUNTABILITY: 0, CASE_OPENED: 0 };
    row[c.kind] += c.count;
    byYear.set(c.year, row);
  }
  const kindTitle = (kind: 'CONDUCT_ACCOUNTABILITY' | 'CASE_OPENED') =>
    enumLabel('AccountabilityKind', kind, locale);
  return (
    <ListPage<CaseRow, typeof page.url>
      title={pageWords.pageAccountability}
      extra={
        <ExportButton
          list="accountability"
          filters={{ year: page.url.year, kind: page.url.kind, search: page.url.search }}
        />
      }
      header={
        <Table<CountRow>
          size="small"
          rowKey="year"
          style={{ marginBottom: 16, maxWidth: 520 }}
          title={() => words.counts}
          data-testid="accountability-counts"
          loading={page.fetching}
          pagination={false}
          dataSource={[...byYear.values()].sort((a, b) => b.year - a.year)}
          columns={[
            { title: words.year, dataIndex: 'year', key: 'year' },
            {
              title: kindTitle('CONDUCT_ACCOUNTABILITY'),
              dataIndex: 'CONDUCT_ACCOUNTABILITY',
              key: 'conduct',
              align: 'right',
            },
            { title: kindTitle('CASE_OPENED'), dataIndex: 'CASE_OPENED', key: 'cases', align: 'right' },
          ]}
        />
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchAccountability, width: 220 },
        <YearFilter key="year" value={page.url.year} onChange={(year) => page.change({ year })} />,
        { choose: 'AccountabilityKind', param: 'kind', placeholder: words.kind, width: 140 },
      ]}
      create={{ permission: 'SUPERVISION_WRITE', text: words.recordCase, onClick: drawer.open }}
      connection={page.data?.accountabilityCases}
      testId="accountability-table"
      emptyText={words.noCases}
      columns={[
        { title: words.decidedOn, dataIndex: 'decidedOn', key: 'decidedOn', width: 110 },
        {
          title: words.kind,
          key: 'kind',
          width: 110,
          render: (_, c) => <Tag>{enumLabel('AccountabilityKind', c.kind, locale)}</Tag>,
        },
        { title: words.personName, dataIndex: 'personName', key: 'personName' },
        { title: words.personPost, dataIndex: 'personPost', key: 'personPost' },
        { title: words.unit, key: 'unit', render: (_, c) => c.unit?.name ?? '—' },
        { title: words.measure, dataIndex: 'measure', key: 'measure' },
        { title: words.summary, dataIndex: 'summary', key: 'summary' },
        {
          title: words.basis,
          key: 'basis',
          render: (_, c) =>
            `${words[c.basis]}：${
              c.report?.subject ?? c.inspectionFinding?.description ?? c.auditFinding?.description ?? '—'
            }`,
        },
      ]}
    >
      {drawer.creating && <RecordCaseDrawer onClose={drawer.close} />}
    </ListPage>
  );
}
