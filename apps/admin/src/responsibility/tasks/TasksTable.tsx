import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, fill, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { Button, Popconfirm, Progress, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { taskStatusColours } from '../../shared/tagColours.ts';
import { useCan } from '../../shared/viewer.tsx';
import { useLevels } from '../levels.ts';
import { taskWords } from '../words.ts';

export const TasksTable_task = graphql(`
  fragment TasksTable_task on Task {
    id
    title
    level
    deadline
    progress
    version
    isLeaf
    childCount
    sourceKind
    status(asOf: $asOf)
    recordedStatus
    responsibleUnitName
    responsiblePersonName
    completedAt
    completedByName
    findingReference
    region {
      name
      level
      parent {
        name
      }
    }
    policyDocument {
      title
    }
    resolution {
      title
    }
    meetingDecision {
      content
    }
  }
`);

export type TaskRow = ReturnType<typeof readTask>;

function readTask(task: FragmentOf<typeof TasksTable_task>) {
  return readFragment(TasksTable_task, task);
}

export interface TaskActions {
  onReport: (task: TaskRow) => void;
  onComplete: (task: TaskRow) => void;
  onReassign: (task: TaskRow) => void;
  onDecompose: (task: TaskRow) => void;
}

const ChildTasksQuery = graphql.persisted(
  'admin/AdminChildTasks',
  graphql(
    `
    query AdminChildTasks($parentId: ID!, $asOf: Date) {
      tasks(parentId: $parentId, asOf: $asOf, first: 100) {
        totalCount
        edges {
          node {
            id
            ...TasksTable_task
          }
        }
      }
    }
  `,
    [TasksTable_task],
  ),
);

/** The children of one task, loaded when its row is expanded; they expand in turn. */
function ChildTasks({ parentId, asOf, actions }: { parentId: string; asOf: string; actions: TaskActions }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ChildTasksQuery,
    variables: { parentId, asOf },
  });
  if (error)
    return <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  return (
    <TasksTable
      tasks={data?.tasks.edges.map((edge) => edge.node) ?? []}
      loading={fetching}
      asOf={asOf}
      actions={actions}
      nested
    />
  );
}

function sourceText(task: TaskRow) {
  return (
    task.policyDocument?.title ??
    task.resolution?.title ??
    task.meetingDecision?.content ??
    task.findingReference ??
    ''
  );
}

export interface TasksTableProps {
  tasks: ReadonlyArray<FragmentOf<typeof TasksTable_task>>;
  loading: boolean;
  asOf: string;
  actions: TaskActions;
  nested?: boolean;
}

export function TasksTable({ tasks, loading, asOf, actions, nested }: TasksTableProps) {
  const words = useWords(taskWords);
  const { locale } = useLocale();
  const levels = useLevels();
  const mayReport = useCan('TASK_REPORT');
  const mayWrite = useCan('TASK_WRITE');
  const columns: TableColumnsType<TaskRow> = [
    {
      title: words.columnTask,
      key: 'title',
      width: 300,
      render: (_, task) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{task.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {enumLabel('TaskSourceKind', task.sourceKind, locale)}
            {sourceText(task) && `：${sourceText(task)}`}
          </Typography.Text>
        </Space>
      ),
    },
    { title: words.columnLevel, key: 'level', width: 110, render: (_, task) => levels.label(task.level) },
    {
      title: words.columnRegion,
      key: 'region',
      width: 150,
      render: (_, task) =>
        task.region.level === 'VILLAGE' && task.region.parent
          ? `${task.region.parent.name} · ${task.region.name}`
          : task.region.name,
    },
    {
      title: words.columnResponsible,
      key: 'responsible',
      width: 220,
      render: (_, task) => (
        <Space direction="vertical" size={0}>
          <span>{task.responsibleUnitName}</span>
          <Typography.Text type="secondary">{task.responsiblePersonName}</Typography.Text>
        </Space>
      ),
    },
    { title: words.columnDeadline, dataIndex: 'deadline', key: 'deadline', width: 110 },
    {
      title: words.columnStatus,
      key: 'status',
      width: 100,
      render: (_, task) => (
        <Tag color={taskStatusColours[task.status]} data-testid="task-status">
          {enumLabel('DerivedTaskStatus', task.status, locale)}
        </Tag>
      ),
    },
    {
      title: words.columnProgress,
      key: 'progress',
      width: 140,
      fixed: 'right',
      render: (_, task) => (
        <span
          title={
            task.completedByName
              ? fill(words.completedBy, { name: task.completedByName, time: task.completedAt ?? '' })
              : undefined
          }
        >
          <Progress
            percent={task.progress}
            size="small"
            status={task.status === 'OVERDUE' ? 'exception' : undefined}
          />
        </span>
      ),
    },
    {
      title: words.columnActions,
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, task) =>
        task.recordedStatus === 'DONE' ? null : (
          <Space size={0} wrap>
            {task.isLeaf && mayReport && (
              <Button type="link" size="small" onClick={() => actions.onReport(task)}>
                {words.reportProgress}
              </Button>
            )}
            {mayWrite && (
              <Popconfirm title={words.completeConfirm} onConfirm={() => actions.onComplete(task)}>
                <Button type="link" size="small">
                  {words.complete}
                </Button>
              </Popconfirm>
            )}
            {mayWrite && (
              <Button type="link" size="small" onClick={() => actions.onReassign(task)}>
                {words.reassign}
              </Button>
            )}
            {mayWrite && levels.below(task.level) && (
              <Button type="link" size="small" onClick={() => actions.onDecompose(task)}>
                {words.decompose}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Table<TaskRow>
      data-testid={nested ? 'child-tasks-table' : 'tasks-table'}
      rowKey="id"
      size={nested ? 'small' : 'middle'}
      columns={columns}
      dataSource={tasks.map(readTask)}
      loading={loading}
      pagination={false}
      scroll={{ x: 1330 }}
      expandable={{
        rowExpandable: (task) => task.childCount > 0,
        expandedRowRender: (task) => <ChildTasks parentId={task.id} asOf={asOf} actions={actions} />,
      }}
      locale={{ emptyText: <EmptyState description={words.noTasks} /> }}
    />
  );
}
