import { graphql, type ResultOf } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { fundsListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { moneyColumn } from '../shared/moneyColumn.ts';
import { YearFilter } from '../shared/YearFilter.tsx';

const DisbursementsQuery = graphql.persisted(
  'admin/AdminDisbursements',
  graphql(`
  query AdminDisbursements($year: Int, $first: Int!, $after: String) {
    disbursements(year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          paidOn
          amountWanYuan
          notes
          project {
            name
            allocatedWanYuan
            disbursedWanYuan
            payableWanYuan
          }
        }
      }
    }
  }
`),
);

type Row = NonNullable<ResultOf<typeof DisbursementsQuery>['disbursements']>['edges'][number]['node'];

const route = getRouteApi('/funds/disbursements');

/** 资金拨付: payments against the projects, with what each project has allocated, paid and still payable. */
export function DisbursementsPage() {
  const words = useWords(fundsListWords);
  const pageWords = useWords(adminWords);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: DisbursementsQuery,
    variables: { year: url.year ?? null, first: paging.first, after: paging.after },
  }));
  return (
    <ListPage
      title={pageWords.pageDisbursements}
      extra={<ExportButton list="disbursements" filters={{ year: page.url.year }} />}
      page={page}
      filters={[<YearFilter key="year" value={page.url.year} onChange={(year) => page.change({ year })} />]}
      connection={page.data?.disbursements}
      testId="disbursements-table"
      emptyText={words.noDisbursements}
      columns={[
        { title: words.columnDate, dataIndex: 'paidOn', key: 'on', width: 120 },
        { title: words.columnProject, key: 'project', render: (_, d) => d.project.name },
        { title: words.columnAmountWan, dataIndex: 'amountWanYuan', key: 'amount', align: 'right' },
        moneyColumn<Row>(words.columnProjectAllocated, 'allocated', (d) => d.project.allocatedWanYuan),
        moneyColumn<Row>(words.columnProjectDisbursed, 'disbursed', (d) => d.project.disbursedWanYuan),
        moneyColumn<Row>(words.columnPayableWan, 'payable', (d) => d.project.payableWanYuan),
        { title: words.columnNotes, dataIndex: 'notes', key: 'notes' },
      ]}
    />
  );
}
