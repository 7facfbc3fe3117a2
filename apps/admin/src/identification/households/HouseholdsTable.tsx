import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, useLocale, useWords } from '@gongjian/ui';
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { householdStatusColours } from '../../shared/tagColours.ts';
import { householdWords } from './words.ts';

export const HouseholdsTable_household = graphql(`
  fragment HouseholdsTable_household on Household {
    id
    householdNumber
    groupName
    attribute
    mainCause
    status
    monitored
    memberCount
    head {
      id
      name
      idNumber
    }
    village {
      id
      name
      parent {
        id
        name
      }
    }
  }
`);

type HouseholdRow = ReturnType<typeof readHousehold>;

function readHousehold(household: FragmentOf<typeof HouseholdsTable_household>) {
  return readFragment(HouseholdsTable_household, household);
}

export interface HouseholdsTableProps {
  households: ReadonlyArray<FragmentOf<typeof HouseholdsTable_household>>;
  loading: boolean;
  onOpen: (householdId: string) => void;
}

/** One page of the registry: masked ID numbers only, as the API sends them. */
export function HouseholdsTable({ households, loading, onOpen }: HouseholdsTableProps) {
  const words = useWords(householdWords);
  const { locale } = useLocale();
  const columns: TableColumnsType<HouseholdRow> = [
    { title: words.columnNumber, dataIndex: 'householdNumber', key: 'number', width: 170 },
    {
      title: words.columnHead,
      key: 'head',
      render: (_, household) =>
        household.head ? (
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{household.head.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="masked-id">
              {household.head.idNumber}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{words.noHead}</Typography.Text>
        ),
    },
    {
      title: words.columnVillage,
      key: 'village',
      render: (_, household) =>
        `${household.village.parent ? `${household.village.parent.name} · ` : ''}${household.village.name} · ${household.groupName}`,
    },
    { title: words.columnMembers, dataIndex: 'memberCount', key: 'members', width: 80 },
    {
      title: words.columnAttribute,
      key: 'attribute',
      width: 130,
      render: (_, household) => enumLabel('HouseholdAttribute', household.attribute, locale),
    },
    {
      title: words.columnCause,
      key: 'cause',
      width: 110,
      render: (_, household) => enumLabel('PovertyCause', household.mainCause, locale),
    },
    {
      title: words.columnStatus,
      key: 'status',
      width: 170,
      render: (_, household) => (
        <Space size={4} wrap>
          <Tag color={householdStatusColours[household.status]} data-testid="household-status">
            {enumLabel('HouseholdStatus', household.status, locale)}
          </Tag>
          {household.monitored && <Tag color="orange">{words.monitoredTag}</Tag>}
        </Space>
      ),
    },
    {
      title: words.columnActions,
      key: 'actions',
      width: 90,
      render: (_, household) => (
        <Button type="link" size="small" onClick={() => onOpen(household.id)}>
          {words.open}
        </Button>
      ),
    },
  ];
  return (
    <Table<HouseholdRow>
      data-testid="households-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={households.map(readHousehold)}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <EmptyState description={words.noHouseholds} /> }}
    />
  );
}
