import { type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { EmptyState, formatNumber, useWords } from '@gongjian/ui';
import { Table, type TableColumnsType, Typography } from 'antd';
import { leadershipWords } from '../words.ts';

export const TownshipTable_summary = graphql(`
  fragment TownshipTable_summary on OrganisationSummary {
    townships {
      township {
        id
        name
      }
      poorVillages
      nonPoorWithPoor
      nonPoor
      communities
      unitCount
      cadreCount
    }
  }
`);

type TownshipRow = ResultOf<typeof TownshipTable_summary>['townships'][number];
type CountField = 'poorVillages' | 'nonPoorWithPoor' | 'unitCount' | 'cadreCount';

export interface TownshipTableProps {
  summary: FragmentOf<typeof TownshipTable_summary>;
  onTownshipClick: (townshipId: string) => void;
}

export function TownshipTable({ summary, onTownshipClick }: TownshipTableProps) {
  const words = useWords(leadershipWords);
  const { townships } = readFragment(TownshipTable_summary, summary);
  const number = (field: CountField, title: string) => ({
    title,
    dataIndex: field,
    key: field,
    align: 'right' as const,
    sorter: (a: TownshipRow, b: TownshipRow) => a[field] - b[field],
    render: (_: unknown, row: TownshipRow) => formatNumber(row[field]),
  });
  const columns: TableColumnsType<TownshipRow> = [
    {
      title: words.township,
      key: 'township',
      render: (_, row) => <Typography.Link>{row.township.name}</Typography.Link>,
    },
    {
      title: words.villageTotal,
      key: 'villageTotal',
      align: 'right',
      render: (_, row) =>
        formatNumber(row.poorVillages + row.nonPoorWithPoor + row.nonPoor + row.communities),
    },
    number('poorVillages', words.poorVillageCount),
    number('nonPoorWithPoor', words.nonPoorWithPoorCount),
    number('unitCount', words.unitCount),
    number('cadreCount', words.cadreCount),
  ];
  return (
    <Table<TownshipRow>
      data-testid="township-table"
      rowKey={(row) => row.township.id}
      size="small"
      columns={columns}
      dataSource={townships}
      pagination={false}
      onRow={(row) => ({ onClick: () => onTownshipClick(row.township.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <EmptyState description={words.noTownships} /> }}
    />
  );
}
