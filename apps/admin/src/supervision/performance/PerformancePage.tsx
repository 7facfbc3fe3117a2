import { graphql, type ResultOf } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Checkbox, Tag } from 'antd';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton, YearFilter } from '../shared/ExportButton.tsx';
import { ExitRewards } from './ExitRewards.tsx';
import { RecordPerformanceDrawer } from './RecordPerformanceDrawer.tsx';

const PerformanceQuery = graphql.persisted(
  'admin/AdminPerformance',
  graphql(`
  query AdminPerformance($filter: PerformanceAssessmentFilter, $first: Int!, $after: String) {
    performanceAssessments(filter: $filter, first: $first, after: $after) {
      totalCount
      viewerCanRecord
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          year
          score
          totalBonusWanYuan
          campaignBonusWanYuan
          campaignSharePercent
          meetsBonusShare
          unit {
            name
          }
        }
      }
    }
  }
`),
);

type PerformanceRow = ResultOf<typeof PerformanceQuery>['performanceAssessments']['edges'][number]['node'];

const route = getRouteApi('/supervision/performance');

/** 绩效考核与出列奖励: each unit's share of the bonus tied to the campaign (≥ 50 %), and the villages' exit rewards. */
export function PerformancePage() {
  const words = useWords(supervisionListWords);
  const pageWords = useWords(adminWords);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: PerformanceQuery,
    variables: {
      filter: {
        year: url.year ?? null,
        belowBonusShare: url.belowBonusShare ?? null,
        search: url.search ?? null,
      },
      first: paging.first,
      after: paging.after,
    },
  }));
  const drawer = useCreateDrawer(page.refresh);
  const connection = page.data?.performanceAssessments;
  const { year, belowBonusShare, search } = page.url;
  return (
    <>
      <ListPage<PerformanceRow, typeof page.url>
        title={pageWords.pagePerformance}
        extra={<ExportButton list="performance" filters={{ year, belowBonusShare, search }} />}
        page={page}
        filters={[
          { search: 'search', placeholder: words.searchPerformance, width: 200 },
          <YearFilter key="year" value={page.url.year} onChange={(year) => page.change({ year })} />,
          <Checkbox
            key="below"
            checked={page.url.belowBonusShare ?? false}
            onChange={(e) => page.change({ belowBonusShare: e.target.checked || undefined })}
          >
            {words.belowShareOnly}
          </Checkbox>,
        ]}
        create={
          connection?.viewerCanRecord
            ? { permission: 'SUPERVISION_WRITE', text: words.recordPerformance, onClick: drawer.open }
            : undefined
        }
        connection={connection}
        testId="performance-table"
        emptyText={words.noPerformance}
        columns={[
          { title: words.unit, key: 'unit', render: (_, p) => p.unit.name },
          { title: words.year, dataIndex: 'year', key: 'year', width: 70 },
          { title: words.score, dataIndex: 'score', key: 'score', align: 'right' },
          { title: words.totalBonus, dataIndex: 'totalBonusWanYuan', key: 'total', align: 'right' },
          { title: words.campaignBonus, dataIndex: 'campaignBonusWanYuan', key: 'campaign', align: 'right' },
          {
            title: words.share,
            key: 'share',
            render: (_, p) => (
              <Tag color={p.meetsBonusShare ? 'green' : 'red'}>
                {p.campaignSharePercent}% {p.meetsBonusShare ? words.meetsShare : words.belowShare}
              </Tag>
            ),
          },
        ]}
      >
        {drawer.creating && <RecordPerformanceDrawer onClose={drawer.close} />}
      </ListPage>
      <ExitRewards url={page.url} update={page.update} />
    </>
  );
}
