import { graphql, type ResultOf } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Checkbox, Popconfirm, Table, Tag } from 'antd';
import { useQuery } from 'urql';
import { MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton, YearFilter } from '../shared/ExportButton.tsx';
import { useRowAction } from '../shared/useRowAction.ts';

const PerformanceQuery = graphql.persisted(
  'admin/AdminPerformance',
  graphql(`
  query AdminPerformance($filter: PerformanceAssessmentFilter, $first: Int!, $after: String) {
    performanceAssessments(filter: $filter, first: $first, after: $after) {
      totalCount
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

const ExitsQuery = graphql.persisted(
  'admin/AdminVillageExits',
  graphql(`
  query AdminVillageExits($filter: VillageExitFilter) {
    villageExits(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          version
          scheduledExitYear
          exitYear
          onSchedule
          rewardEligible
          rewardPaidOn
          rewardWanYuan
          policiesKept
          supportEndsYear
          viewerCanGrantReward
          village {
            name
          }
        }
      }
    }
  }
`),
);

const GrantMutation = graphql.persisted(
  'admin/AdminGrantExitReward',
  graphql(
    `
  mutation AdminGrantExitReward($input: GrantExitRewardInput!) {
    grantExitReward(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type PerformanceRow = ResultOf<typeof PerformanceQuery>['performanceAssessments']['edges'][number]['node'];
type ExitRow = ResultOf<typeof ExitsQuery>['villageExits']['edges'][number]['node'];

const route = getRouteApi('/supervision/performance');

/** 绩效考核与出列奖励: each unit's share of the bonus tied to the campaign (≥ 50 %), and the villages' exit rewards. */
export function PerformancePage() {
  const words = useWords(supervisionListWords);
  const pageWords = useWords(adminWords);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: PerformanceQuery,
    variables: {
      filter: { year: url.year ?? null, belowBonusShare: url.belowBonusShare ?? null },
      first: paging.first,
      after: paging.after,
    },
  }));
  return (
    <>
      <ListPage<PerformanceRow, typeof page.url>
        title={pageWords.pagePerformance}
        extra={
          <ExportButton
            list="performance"
            filters={{ year: page.url.year, belowBonusShare: page.url.belowBonusShare }}
          />
        }
        page={page}
        filters={[
          <YearFilter key="year" value={page.url.year} onChange={(year) => page.change({ year })} />,
          <Checkbox
            key="below"
            checked={page.url.belowBonusShare ?? false}
            onChange={(e) => page.change({ belowBonusShare: e.target.checked || undefined })}
          >
            {words.belowShareOnly}
          </Checkbox>,
        ]}
        connection={page.data?.performanceAssessments}
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
      />
      <ExitRewards rewardOwed={page.url.rewardOwed} change={(rewardOwed) => page.change({ rewardOwed })} />
    </>
  );
}

/** 出列奖励: the one-time 10万 for a poor village exiting on schedule; 脱贫不脱政策 until the support period ends. */
function ExitRewards({ rewardOwed, change }: { rewardOwed?: boolean; change: (owed?: boolean) => void }) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const [{ data, fetching }, reexecute] = useQuery({
    query: ExitsQuery,
    variables: { filter: { rewardOwed: rewardOwed ?? null } },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const grant = useRowAction(GrantMutation, (d) => d?.grantExitReward, refresh);
  const yesNo = (value: boolean) => (value ? words.yes : words.no);
  return (
    <Card
      title={words.exitRewards}
      style={{ marginTop: 16 }}
      extra={<ExportButton list="exit-rewards" filters={{ rewardOwed }} />}
    >
      <Checkbox
        style={{ marginBottom: 12 }}
        checked={rewardOwed ?? false}
        onChange={(e) => change(e.target.checked || undefined)}
      >
        {words.rewardOwedOnly}
      </Checkbox>
      <Table<ExitRow>
        size="small"
        rowKey="id"
        data-testid="exits-table"
        loading={fetching}
        pagination={{ pageSize: 20, showTotal: (total) => `${total}` }}
        dataSource={data?.villageExits.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: words.noExits }}
        columns={[
          { title: words.village, key: 'village', render: (_, e) => e.village.name },
          { title: words.scheduledExitYear, dataIndex: 'scheduledExitYear', key: 'scheduled', width: 90 },
          {
            title: words.exitYear,
            key: 'exitYear',
            width: 90,
            render: (_, e) => e.exitYear ?? words.notExited,
          },
          { title: words.onSchedule, key: 'onSchedule', width: 90, render: (_, e) => yesNo(e.onSchedule) },
          {
            title: words.reward,
            key: 'reward',
            render: (_, e) =>
              e.rewardPaidOn ? (
                `${e.rewardWanYuan} 万 · ${e.rewardPaidOn}`
              ) : e.rewardEligible ? (
                <Tag color="gold">{words.rewardOwedOnly}</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: words.policiesKept,
            key: 'policies',
            render: (_, e) => (e.policiesKept ? `${words.supportEnds} ${e.supportEndsYear}` : '—'),
          },
          {
            title: words.actions,
            key: 'actions',
            width: 100,
            render: (_, e) =>
              e.viewerCanGrantReward && (
                <Popconfirm
                  title={`${words.paidOn} ${today}`}
                  onConfirm={() => grant({ input: { id: e.id, version: e.version, paidOn: today } })}
                >
                  <Button size="small">{words.grantReward}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
