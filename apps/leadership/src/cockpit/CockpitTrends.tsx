import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import ReactEChartsCore from 'echarts-for-react/esm/core.js';
import { useMemo } from 'react';
import { echarts } from '../summary/echarts.ts';
import { cockpitWords } from './words.ts';

export const CockpitTrends_cockpit = graphql(`
  fragment CockpitTrends_cockpit on Cockpit {
    trends { year poorHouseholds tasksDone }
  }
`);

/** Poor households at each year end and the tasks completed each year, from 2014. */
export function CockpitTrends({ cockpit }: { cockpit: FragmentOf<typeof CockpitTrends_cockpit> }) {
  const words = useWords(cockpitWords);
  const { trends } = readFragment(CockpitTrends_cockpit, cockpit);
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: trends.map((t) => String(t.year)) },
      yAxis: [{ type: 'value' }, { type: 'value' }],
      series: [
        {
          name: words.trendPoor,
          type: 'line',
          data: trends.map((t) => t.poorHouseholds),
          itemStyle: { color: '#cf1322' },
        },
        {
          name: words.trendTasks,
          type: 'bar',
          yAxisIndex: 1,
          data: trends.map((t) => t.tasksDone),
          itemStyle: { color: '#69b1ff' },
        },
      ],
    }),
    [trends, words],
  );
  return (
    <div data-testid="cockpit-trends" className="cockpit-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: '100%', width: '100%' }}
        notMerge
      />
    </div>
  );
}
