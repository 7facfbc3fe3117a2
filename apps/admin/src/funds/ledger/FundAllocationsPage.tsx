import { graphql, type ResultOf } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { fundsListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { moneyColumn } from '../shared/moneyColumn.ts';
import { YearFilter } from '../shared/YearFilter.tsx';
import { fundsWords } from '../words.ts';

const FundAllocationsQuery = graphql.persisted(
  'admin/AdminFundAllocations',
  graphql(`
  query AdminFundAllocations($year: Int, $first: Int!, $after: String) {
    fundAllocations(year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          allocatedOn
          amountWanYuan
          notes
          source {
            name
            remainingWanYuan
          }
          project {
            name
            budgetWanYuan
            unallocatedWanYuan
            payableWanYuan
          }
        }
      }
    }
  }
`),
);

type Row = NonNullable<ResultOf<typeof FundAllocationsQuery>['fundAllocations']>['edges'][number]['node'];

const route = getRouteApi('/funds/allocations');

/** 资金安排: money from the sources to the projects, with what the source has left and the project still lacks. */
export function FundAllocationsPage() {
  const words = useWords(fundsListWords);
  const fundWords = useWords(fundsWords);
  const pageWords = useWords(adminWords);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: FundAllocationsQuery,
    variables: { year: url.year ?? null, first: paging.first, after: paging.after },
  }));
  return (
    <ListPage
      title={pageWords.pageFundAllocations}
      extra={<ExportButton list="allocations" filters={{ year: page.url.year }} />}
      page={page}
      filters={[<YearFilter key="year" value={page.url.year} onChange={(year) => page.change({ year })} />]}
      connection={page.data?.fundAllocations}
      testId="fund-allocations-table"
      emptyText={words.noAllocations}
      columns={[
        { title: words.columnDate, dataIndex: 'allocatedOn', key: 'on', width: 120 },
        { title: words.columnSource, key: 'source', render: (_, a) => a.source.name },
        { title: words.columnProject, key: 'project', render: (_, a) => a.project.name },
        { title: words.columnAmountWan, dataIndex: 'amountWanYuan', key: 'amount', align: 'right' },
        moneyColumn<Row>(words.columnSourceRemaining, 'sourceRemaining', (a) => a.source.remainingWanYuan),
        moneyColumn<Row>(fundWords.columnBudget, 'budget', (a) => a.project.budgetWanYuan),
        moneyColumn<Row>(words.columnUnallocated, 'unallocated', (a) => a.project.unallocatedWanYuan),
        moneyColumn<Row>(words.columnPayableWan, 'payable', (a) => a.project.payableWanYuan),
        { title: words.columnNotes, dataIndex: 'notes', key: 'notes' },
      ]}
    />
  );
}
