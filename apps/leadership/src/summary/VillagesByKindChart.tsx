import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, useLocale, useWords } from '@gongjian/ui';
// The package's ESM build: its CommonJS lib/core reaches us as a module object, not the component.
import ReactEChartsCore from 'echarts-for-react/esm/core.js';
import { useMemo } from 'react';
import { leadershipWords } from '../words.ts';
import { echarts } from './echarts.ts';

export const VillagesByKindChart_summary = graphql(`
  fragment VillagesByKindChart_summary on OrganisationSummary {
    townships {
      township {
        id
        name
      }
      poorVillages
      nonPoorWithPoor
      nonPoor
      communities
    }
  }
`);

const kindSeries = [
  { kind: 'POOR_VILLAGE', field: 'poorVillages', color: '#cf1322' },
  { kind: 'NON_POOR_WITH_POOR', field: 'nonPoorWithPoor', color: '#fa8c16' },
  { kind: 'NON_POOR', field: 'nonPoor', color: '#91caff' },
  { kind: 'COMMUNITY', field: 'communities', color: '#95de64' },
] as const;

export interface VillagesByKindChartProps {
  summary: FragmentOf<typeof VillagesByKindChart_summary>;
  onTownshipClick: (townshipId: string) => void;
}

/** Stacked bars: one per township, split by village kind. */
export function VillagesByKindChart({ summary, onTownshipClick }: VillagesByKindChartProps) {
  const words = useWords(leadershipWords);
  const { locale } = useLocale();
  const { townships } = readFragment(VillagesByKindChart_summary, summary);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 70 },
      xAxis: {
        type: 'category',
        data: townships.map((row) => row.township.name),
        axisLabel: { interval: 0, rotate: 40 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: kindSeries.map((series) => ({
        name: enumLabel('VillageKind', series.kind, locale),
        type: 'bar',
        stack: 'villages',
        itemStyle: { color: series.color },
        emphasis: { focus: 'series' },
        data: townships.map((row) => row[series.field]),
      })),
    }),
    [townships, locale],
  );
  if (townships.length === 0) return <EmptyState description={words.noTownships} />;
  return (
    <div data-testid="villages-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 360 }}
        onEvents={{
          click: (params: { dataIndex: number }) => {
            const row = townships[params.dataIndex];
            if (row) onTownshipClick(row.township.id);
          },
        }}
      />
    </div>
  );
}
