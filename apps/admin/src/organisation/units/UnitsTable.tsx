import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, useLocale, useWords } from '@gongjian/ui';
import { Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { adminWords } from '../../words.ts';

export const UnitsTable_unit = graphql(`
  fragment UnitsTable_unit on Unit {
    id
    name
    kind
    backingLevel
    cadreCount
    region {
      name
      level
      parent {
        name
        level
      }
    }
  }
`);

type UnitRow = ReturnType<typeof readUnit>;

function readUnit(unit: FragmentOf<typeof UnitsTable_unit>) {
  return readFragment(UnitsTable_unit, unit);
}

function regionLabel(region: UnitRow['region']) {
  return region.level === 'VILLAGE' && region.parent ? `${region.parent.name} · ${region.name}` : region.name;
}

export interface UnitsTableProps {
  units: ReadonlyArray<FragmentOf<typeof UnitsTable_unit>>;
  loading: boolean;
  /** The row to highlight briefly (the unit just created). */
  highlightedId?: string | undefined;
  /** Missing when the viewer may not edit units. */
  onEdit?: (unitId: string) => void;
  onShowCadres: (unitId: string) => void;
}

export function UnitsTable({ units, highlightedId, loading, onEdit, onShowCadres }: UnitsTableProps) {
  const words = useWords(adminWords);
  const { locale } = useLocale();
  const columns: TableColumnsType<UnitRow> = [
    { title: words.columnName, dataIndex: 'name', key: 'name' },
    {
      title: words.columnKind,
      key: 'kind',
      render: (_, unit) => <Tag>{enumLabel('UnitKind', unit.kind, locale)}</Tag>,
    },
    {
      title: words.columnBackingLevel,
      key: 'backingLevel',
      render: (_, unit) => (unit.backingLevel ? enumLabel('BackingLevel', unit.backingLevel, locale) : '—'),
    },
    { title: words.columnRegion, key: 'region', render: (_, unit) => regionLabel(unit.region) },
    { title: words.columnCadreCount, dataIndex: 'cadreCount', key: 'cadreCount', align: 'right', width: 110 },
    {
      title: words.columnActions,
      key: 'actions',
      width: 180,
      render: (_, unit) => (
        <Space size="small">
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(unit.id)}>
              {words.edit}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => onShowCadres(unit.id)}>
            {words.showCadres}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<UnitRow>
      data-testid="units-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={units.map(readUnit)}
      rowClassName={(unit) => (unit.id === highlightedId ? 'gj-row-just-saved' : '')}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <EmptyState description={words.noUnits} /> }}
    />
  );
}
