import { graphql, type ResultOf } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Button, Checkbox, Popconfirm, Tag } from 'antd';
import { useQuery } from 'urql';
import { MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, type ListPageState } from '../../shared/ListPage.tsx';
import { useUrlPaging } from '../../shared/usePagedFilters.tsx';
import { supervisionListWords } from '../list-words.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { useRowAction } from '../shared/useRowAction.ts';

const ExitsQuery = graphql.persisted(
  'admin/AdminVillageExits',
  graphql(`
  query AdminVillageExits($filter: VillageExitFilter, $first: Int!, $after: String) {
    villageExits(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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

type ExitRow = ResultOf<typeof ExitsQuery>['villageExits']['edges'][number]['node'];

/** What the exit list keeps in the performance page's URL: its filter and its own page (apart from the performance list's). */
export interface ExitSearch {
  rewardOwed?: boolean;
  exitCursors?: string[];
  exitSize?: number;
}

/**
 * 出列奖励: the one-time 10万 for a poor village exiting on schedule; 脱贫不脱政策 until the support period ends.
 * Paged on the server, its filter and page in the URL next to the performance list's.
 */
export function ExitRewards({ url, update }: { url: ExitSearch; update: (next: ExitSearch) => void }) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const paging = useUrlPaging({ cursors: url.exitCursors, size: url.exitSize }, (next) =>
    update({ exitCursors: next.cursors, exitSize: next.size }),
  );
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ExitsQuery,
    variables: { filter: { rewardOwed: url.rewardOwed ?? null }, first: paging.first, after: paging.after },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const page: ListPageState<{ rewardOwed?: boolean }> = {
    url: { rewardOwed: url.rewardOwed },
    change: (next) => update({ ...next, exitCursors: undefined }),
    paging,
    fetching,
    error,
    refresh,
  };
  const grant = useRowAction(GrantMutation, (d) => d?.grantExitReward, refresh);
  const yesNo = (value: boolean) => (value ? words.yes : words.no);
  return (
    <div style={{ marginTop: 16 }}>
      <ListPage<ExitRow, typeof page.url>
        title={words.exitRewards}
        extra={<ExportButton list="exit-rewards" filters={{ rewardOwed: url.rewardOwed }} />}
        page={page}
        filters={[
          <Checkbox
            key="owed"
            data-testid="reward-owed-only"
            checked={url.rewardOwed ?? false}
            onChange={(e) => page.change({ rewardOwed: e.target.checked || undefined })}
          >
            {words.rewardOwedOnly}
          </Checkbox>,
        ]}
        connection={data?.villageExits}
        testId="exits-table"
        emptyText={words.noExits}
        tableProps={{ size: 'small' }}
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
    </div>
  );
}
