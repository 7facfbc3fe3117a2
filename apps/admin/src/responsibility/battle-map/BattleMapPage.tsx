import { type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import {
  EmptyState,
  fill,
  QueryErrorAlert,
  RegionPicker_region as RegionFragment,
  type RegionPicker_region,
  TaskCountStatistics,
  useCountyToday,
  useWords,
} from '@gongjian/ui';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { adminWords } from '../../words.ts';
import { CellTasksDrawer } from './CellTasksDrawer.tsx';
import { battleMapWords } from './words.ts';

const Counts = graphql(`
  fragment BattleMapCounts on TaskStateCounts {
    total
    done
    inProgress
    overdue
    notStarted
    averageProgress
  }
`);

const BattleMapQuery = graphql.persisted(
  'admin/AdminBattleMap',
  graphql(
    `
    query AdminBattleMap($regionId: ID, $asOf: Date, $rowLevel: RegionLevel) {
      battleMap(regionId: $regionId, asOf: $asOf) {
        asOf
        scope {
          regionId
          name
          level
          targets {
            villages
            poorVillages
          }
          counts {
            ...BattleMapCounts
          }
        }
        groups {
          key
          combatGroupId
          name
          counts {
            total
          }
        }
        nodes(level: $rowLevel) {
          regionId
          name
          level
          targets {
            villages
            poorVillages
          }
          counts {
            ...BattleMapCounts
          }
          cells {
            groupKey
            counts {
              ...BattleMapCounts
            }
          }
        }
      }
    }
  `,
    [Counts],
  ),
);

type CountsData = ResultOf<typeof Counts>;
type MapNode = ResultOf<typeof BattleMapQuery>['battleMap']['nodes'][number];
type MapGroup = ResultOf<typeof BattleMapQuery>['battleMap']['groups'][number];

/** Colours of a cell: red if anything is overdue, green when all is done, blue while moving, gold when idle. */
function cellStyle(counts: CountsData | null) {
  if (!counts || counts.total === 0) return { background: '#fafafa', borderColor: '#f0f0f0', state: 'empty' };
  if (counts.overdue > 0) return { background: '#fff1f0', borderColor: '#ffa39e', state: 'overdue' };
  if (counts.done === counts.total) return { background: '#f6ffed', borderColor: '#b7eb8f', state: 'done' };
  if (counts.done + counts.inProgress > 0)
    return { background: '#e6f4ff', borderColor: '#91caff', state: 'moving' };
  return { background: '#fffbe6', borderColor: '#ffe58f', state: 'idle' };
}

function Cell({
  counts,
  onClick,
  label,
}: {
  counts: FragmentOf<typeof Counts> | null;
  onClick?: () => void;
  label: string;
}) {
  const words = useWords(battleMapWords);
  const data = counts ? readFragment(Counts, counts) : null;
  const style = cellStyle(data);
  return (
    <button
      type="button"
      className="gj-battle-cell"
      data-state={style.state}
      data-cell={label}
      onClick={data && data.total > 0 ? onClick : undefined}
      style={{
        width: '100%',
        minHeight: 44,
        border: `1px solid ${style.borderColor}`,
        background: style.background,
        borderRadius: 4,
        cursor: data && data.total > 0 ? 'pointer' : 'default',
        padding: '2px 4px',
        lineHeight: 1.3,
      }}
    >
      {data && data.total > 0 ? (
        <>
          <div>
            {data.done}/{data.total}
          </div>
          <div style={{ fontSize: 11, color: data.overdue > 0 ? '#cf1322' : '#8c8c8c' }}>
            {data.overdue > 0
              ? fill(words.overdueCount, { count: data.overdue })
              : `${data.averageProgress}%`}
          </div>
        </>
      ) : (
        '—'
      )}
    </button>
  );
}

const legend = [
  ['overdue', 'legendOverdue'],
  ['done', 'legendDone'],
  ['moving', 'legendMoving'],
  ['idle', 'legendIdle'],
  ['empty', 'legendEmpty'],
] as const;

/** 三级挂图作战: townships × combat groups for the county, villages × groups for a township, with drill-down. */
export function BattleMapPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(battleMapWords);
  const pageWords = useWords(adminWords);
  const root = readFragment(RegionFragment, jurisdiction);
  const today = useCountyToday();
  const [asOf, setAsOf] = useState(today);
  const [drill, setDrill] = useState<{ regionId: string; name: string } | null>(null);
  const [cell, setCell] = useState<{
    regionId: string;
    regionName: string;
    group: MapGroup;
    all?: boolean;
  } | null>(null);
  const rowLevel = drill || root.level === 'TOWNSHIP' ? 'VILLAGE' : 'TOWNSHIP';
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: BattleMapQuery,
    variables: { regionId: drill?.regionId ?? null, asOf: asOf || null, rowLevel },
  });
  const map = data?.battleMap;
  const groups = (map?.groups ?? []).filter((g) => g.counts.total > 0);
  const scopeCounts = map ? readFragment(Counts, map.scope.counts) : null;

  const columns: TableColumnsType<MapNode> = [
    {
      title: words.region,
      key: 'region',
      fixed: 'left',
      width: 130,
      render: (_, node) =>
        node.level === 'TOWNSHIP' ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => setDrill({ regionId: node.regionId, name: node.name })}
          >
            {node.name}
          </Button>
        ) : (
          node.name
        ),
    },
    {
      title: words.total,
      key: 'total',
      width: 96,
      render: (_, node) => (
        <Cell
          label={`${node.name}|${words.total}`}
          counts={node.counts}
          onClick={() =>
            setCell({
              regionId: node.regionId,
              regionName: node.name,
              group: { key: '', combatGroupId: null, name: words.total, counts: { total: 0 } },
              all: true,
            })
          }
        />
      ),
    },
    ...groups.map((group) => ({
      title: group.name,
      key: group.key,
      width: 96,
      render: (_: unknown, node: MapNode) => (
        <Cell
          label={`${node.name}|${group.name}`}
          counts={node.cells.find((c) => c.groupKey === group.key)?.counts ?? null}
          onClick={() => setCell({ regionId: node.regionId, regionName: node.name, group })}
        />
      ),
    })),
  ];

  return (
    <Card
      title={pageWords.pageBattleMap}
      extra={
        <Space>
          {words.asOf}
          <DateInput value={asOf} onChange={setAsOf} style={{ width: 150 }} />
        </Space>
      }
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            title: drill ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => setDrill(null)}
              >
                {root.name}
              </Button>
            ) : (
              root.name
            ),
          },
          ...(drill ? [{ title: drill.name }] : []),
        ]}
      />
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {scopeCounts && map && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="battle-map-summary">
          <Col span={4}>
            <Statistic
              title={words.villages}
              value={map.scope.targets.villages}
              suffix={`(${words.poorVillages} ${map.scope.targets.poorVillages})`}
              valueStyle={{ fontSize: 20 }}
            />
          </Col>
          <TaskCountStatistics
            counts={scopeCounts}
            labels={{
              total: words.tasks,
              done: words.done,
              inProgress: words.inProgress,
              overdue: words.overdue,
              notStarted: words.notStarted,
              averageProgress: words.averageProgress,
            }}
            spans={[3, 3, 3, 3, 3, 4]}
          />
        </Row>
      )}
      <Space style={{ marginBottom: 8 }} wrap>
        {legend.map(([state, label]) => {
          const sample = {
            overdue: '#fff1f0',
            done: '#f6ffed',
            moving: '#e6f4ff',
            idle: '#fffbe6',
            empty: '#fafafa',
          }[state];
          return (
            <Space key={state} size={4}>
              <span
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 14,
                  background: sample,
                  border: '1px solid #d9d9d9',
                }}
              />
              {words[label]}
            </Space>
          );
        })}
        <Typography.Text type="secondary">{words.drillHint}</Typography.Text>
        <Typography.Text type="secondary">{words.countedAtLeaves}</Typography.Text>
      </Space>
      <Table<MapNode>
        data-testid="battle-map-grid"
        rowKey="regionId"
        size="small"
        bordered
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={map?.nodes ?? []}
        locale={{ emptyText: <EmptyState description={words.noNodes} /> }}
      />
      {drill && (
        <Button style={{ marginTop: 12 }} onClick={() => setDrill(null)}>
          {words.back}
        </Button>
      )}
      {cell && (
        <CellTasksDrawer
          regionId={cell.regionId}
          combatGroupId={cell.group.combatGroupId}
          withoutCombatGroup={!cell.all && cell.group.combatGroupId === null}
          title={fill(words.cellTasks, { region: cell.regionName, group: cell.group.name })}
          asOf={asOf}
          onClose={() => setCell(null)}
        />
      )}
    </Card>
  );
}
