import { graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, formatNumber, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { Table, type TableColumnsType, Tag } from 'antd';
import { useQuery } from 'urql';
import { leadershipWords } from '../words.ts';

export const VillageTable_village = graphql(`
  fragment VillageTable_village on Region {
    id
    code
    name
    villageKind
    unitCount
  }
`);

const TownshipVillagesQuery = graphql.persisted(
  'leadership/LeadershipTownshipVillages',
  graphql(
    `
    query LeadershipTownshipVillages($townshipId: ID!) {
      villages(townshipId: $townshipId, first: 100) {
        totalCount
        edges {
          node {
            ...VillageTable_village
          }
        }
      }
    }
  `,
    [VillageTable_village],
  ),
);

type VillageRow = ResultOf<typeof VillageTable_village>;

const kindColors: Record<string, string> = {
  POOR_VILLAGE: 'red',
  NON_POOR_WITH_POOR: 'orange',
  NON_POOR: 'blue',
  COMMUNITY: 'green',
};

/** The villages of one township with their kind and how many units are based there; a row selects its village. */
export function VillageTable({
  townshipId,
  onVillageClick,
}: {
  townshipId: string;
  onVillageClick: (villageId: string) => void;
}) {
  const words = useWords(leadershipWords);
  const { locale } = useLocale();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TownshipVillagesQuery,
    variables: { townshipId },
  });
  const villages = (data?.villages.edges ?? []).map((edge) => readFragment(VillageTable_village, edge.node));
  const columns: TableColumnsType<VillageRow> = [
    { title: words.village, dataIndex: 'name', key: 'name' },
    { title: words.code, dataIndex: 'code', key: 'code' },
    {
      title: words.villageKind,
      key: 'villageKind',
      render: (_, village) =>
        village.villageKind && (
          <Tag color={kindColors[village.villageKind]}>
            {enumLabel('VillageKind', village.villageKind, locale)}
          </Tag>
        ),
    },
    {
      title: words.villageUnits,
      key: 'unitCount',
      align: 'right',
      render: (_, village) => formatNumber(village.unitCount),
    },
  ];
  return (
    <>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      <Table<VillageRow>
        data-testid="village-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={villages}
        loading={fetching}
        pagination={false}
        onRow={(village) => ({ onClick: () => onVillageClick(village.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <EmptyState description={words.noVillages} /> }}
      />
    </>
  );
}
