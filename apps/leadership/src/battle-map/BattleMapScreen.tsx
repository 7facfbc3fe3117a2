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
import { Card, Input, Row, Space, Table, type TableColumnsType, Typography } from 'antd';
// The package's ESM build: its CommonJS lib/core reaches us as a module object, not the component.
import ReactEChartsCore from 'echarts-for-react/esm/core.js';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { FIRST_DAY, useSelection } from '../selection.tsx';
import { echarts } from '../summary/echarts.ts';
import { battleMapWords } from './words.ts';

const LeadershipBattleMapQuery = graphql.persisted(
  'leadership/LeadershipBattleMap',
  graphql(`
  query LeadershipBattleMap($regionId: ID, $asOf: Date, $rowLevel: RegionLevel) {
    battleMap(regionId: $regionId, asOf: $asOf) {
      asOf
      scope {
        name
        counts {
          total
          done
          inProgress
          overdue
          notStarted
          averageProgress
        }
      }
      groups {
        key
        name
        counts {
          total
        }
      }
      nodes(level: $rowLevel) {
        regionId
        name
        level
        counts {
          total
          done
          inProgress
          overdue
          notStarted
        }
        cells {
          groupKey
          counts {
            total
            done
            overdue
          }
        }
      }
    }
  }
`),
);

type MapNode = ResultOf<typeof LeadershipBattleMapQuery>['battleMap']['nodes'][number];

const stateSeries = [
  { field: 'done', color: '#52c41a' },
  { field: 'inProgress', color: '#1677ff' },
  { field: 'overdue', color: '#cf1322' },
  { field: 'notStarted', color: '#d9d9d9' },
] as const;

function cellColour(counts: { total: number; done: number; overdue: number } | undefined) {
  if (!counts || counts.total === 0) return '#fafafa';
  if (counts.overdue > 0) return '#fff1f0';
  if (counts.done === counts.total) return '#f6ffed';
  return '#e6f4ff';
}

/** Read-only battle map for leaders: task states per township (or per village of the township drilled into). */
export function BattleMapScreen({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(battleMapWords);
  const root = readFragment(RegionFragment, jurisdiction);
  const today = useCountyToday();
  const { selection, regionId, selectRegion, setAsOf } = useSelection();
  const { townshipId, asOf } = selection;
  const rowLevel = regionId || root.level === 'TOWNSHIP' ? 'VILLAGE' : 'TOWNSHIP';
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: LeadershipBattleMapQuery,
    variables: { regionId, asOf, rowLevel },
  });
  const choose = (node: MapNode) => {
    if (node.level === 'TOWNSHIP') selectRegion(node.regionId);
    else if (node.level === 'VILLAGE' && node.regionId !== regionId) selectRegion(townshipId, node.regionId);
  };
  const map = data?.battleMap;
  const nodes = map?.nodes ?? [];
  const groups = (map?.groups ?? []).filter((g) => g.counts.total > 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: nodes.map((n) => n.name), axisLabel: { interval: 0, rotate: 40 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: stateSeries.map((series) => ({
        name: words[series.field],
        type: 'bar',
        stack: 'tasks',
        itemStyle: { color: series.color },
        data: nodes.map((n) => n.counts[series.field]),
      })),
    }),
    [nodes, words],
  );
  const columns: TableColumnsType<MapNode> = [
    { title: words.region, dataIndex: 'name', key: 'name', fixed: 'left', width: 110 },
    ...[{ key: 'total', name: words.total }, ...groups].map((group) => ({
      title: group.name,
      key: group.key,
      width: 90,
      render: (_: unknown, node: MapNode) => {
        const counts =
          group.key === 'total' ? node.counts : node.cells.find((c) => c.groupKey === group.key)?.counts;
        return (
          <div
            style={{
              background: cellColour(counts),
              padding: '2px 6px',
              borderRadius: 4,
              textAlign: 'center',
            }}
          >
            {counts && counts.total > 0 ? `${counts.done}/${counts.total}` : '—'}
            {counts && counts.overdue > 0 && (
              <div style={{ fontSize: 11, color: '#cf1322' }}>
                {fill(words.overdueCount, { count: counts.overdue })}
              </div>
            )}
          </div>
        );
      },
    })),
  ];
  const counts = map?.scope.counts;
  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <span data-testid="battle-map-title">
          {words.title}
          {map && <Typography.Text type="secondary"> · {map.scope.name}</Typography.Text>}
        </span>
      }
      extra={
        <Space>
          {words.asOf}
          <Input
            type="date"
            data-testid="battle-map-as-of"
            aria-label={words.asOf}
            value={asOf}
            min={FIRST_DAY}
            max={today}
            onChange={(e) => e.target.value && setAsOf(e.target.value)}
            style={{ width: 150 }}
          />
        </Space>
      }
      loading={fetching && !map}
    >
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {counts && (
        <Row gutter={16} style={{ marginBottom: 8 }} data-testid="battle-map-counts">
          <TaskCountStatistics
            counts={counts}
            labels={{
              total: words.tasks,
              done: words.done,
              inProgress: words.inProgress,
              overdue: words.overdue,
              notStarted: words.notStarted,
              averageProgress: words.averageProgress,
            }}
            spans={4}
          />
        </Row>
      )}
      <Typography.Text type="secondary">{words.chartHint}</Typography.Text>
      {map && nodes.length === 0 ? (
        <EmptyState description={words.noNodes} />
      ) : (
        <>
          <div data-testid="battle-map-chart">
            <ReactEChartsCore
              echarts={echarts}
              option={option}
              notMerge
              style={{ height: 340 }}
              onEvents={{
                click: (params: { dataIndex: number }) => {
                  const node = nodes[params.dataIndex];
                  if (node) choose(node);
                },
              }}
            />
          </div>
          <Table<MapNode>
            data-testid="battle-map-table"
            rowKey="regionId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={nodes}
            onRow={(node) =>
              node.regionId === regionId ? {} : { onClick: () => choose(node), style: { cursor: 'pointer' } }
            }
          />
        </>
      )}
    </Card>
  );
}
