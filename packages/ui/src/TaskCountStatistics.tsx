import { Col, Statistic } from 'antd';

export interface TaskCounts {
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
  averageProgress: number;
}

export type TaskCountLabels = Record<keyof TaskCounts, string>;

const colours: Partial<Record<keyof TaskCounts, string>> = {
  done: '#389e0d',
  inProgress: '#1677ff',
  overdue: '#cf1322',
};

const order: (keyof TaskCounts)[] = [
  'total',
  'done',
  'inProgress',
  'overdue',
  'notStarted',
  'averageProgress',
];

/** The battle map's task counts, the same six figures in the console and the cockpit, one column each. */
export function TaskCountStatistics({
  counts,
  labels,
  spans,
}: {
  counts: TaskCounts;
  labels: TaskCountLabels;
  /** Grid span of each figure, in `order`; one number for all. */
  spans: number | number[];
}) {
  return order.map((key, index) => (
    <Col key={key} span={typeof spans === 'number' ? spans : spans[index]}>
      <Statistic
        title={labels[key]}
        value={counts[key]}
        suffix={key === 'averageProgress' ? '%' : undefined}
        valueStyle={colours[key] ? { color: colours[key] } : undefined}
      />
    </Col>
  ));
}
