import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, useWords } from '@gongjian/ui';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { adminWords } from '../../words.ts';

export const CadresTable_cadre = graphql(`
  fragment CadresTable_cadre on Cadre {
    id
    name
    post
    phone
    unit {
      name
      region {
        name
      }
    }
  }
`);

type CadreRow = ReturnType<typeof readCadre>;

function readCadre(cadre: FragmentOf<typeof CadresTable_cadre>) {
  return readFragment(CadresTable_cadre, cadre);
}

export interface CadresTableProps {
  cadres: ReadonlyArray<FragmentOf<typeof CadresTable_cadre>>;
  loading: boolean;
  /** Full numbers this user has revealed on this page, by cadre id. */
  revealedPhones: ReadonlyMap<string, string>;
  mayUnmask: boolean;
  /** Missing when the viewer may not edit cadres. */
  onEdit?: (cadreId: string) => void;
  onRevealPhone: (cadre: { id: string; name: string }) => void;
}

export function CadresTable({
  cadres,
  loading,
  revealedPhones,
  mayUnmask,
  onEdit,
  onRevealPhone,
}: CadresTableProps) {
  const words = useWords(adminWords);
  const columns: TableColumnsType<CadreRow> = [
    { title: words.columnCadreName, dataIndex: 'name', key: 'name' },
    { title: words.columnPost, dataIndex: 'post', key: 'post' },
    {
      title: words.columnUnit,
      key: 'unit',
      render: (_, cadre) => (
        <span>
          {cadre.unit.name}
          <Typography.Text type="secondary"> · {cadre.unit.region.name}</Typography.Text>
        </span>
      ),
    },
    {
      title: words.columnPhone,
      key: 'phone',
      render: (_, cadre) => {
        const revealed = revealedPhones.get(cadre.id);
        if (revealed) return <Typography.Text strong>{revealed}</Typography.Text>;
        if (!cadre.phone) return '—';
        return (
          <Space size="small">
            <span>{cadre.phone}</span>
            {mayUnmask && (
              <Button
                type="link"
                size="small"
                onClick={() => onRevealPhone({ id: cadre.id, name: cadre.name })}
              >
                {words.revealPhone}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
  if (onEdit)
    columns.push({
      title: words.columnActions,
      key: 'actions',
      width: 100,
      render: (_, cadre) => (
        <Button type="link" size="small" onClick={() => onEdit(cadre.id)}>
          {words.edit}
        </Button>
      ),
    });
  return (
    <Table<CadreRow>
      data-testid="cadres-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cadres.map(readCadre)}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <EmptyState description={words.noCadres} /> }}
    />
  );
}
