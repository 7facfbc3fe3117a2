import type { FragmentOf } from '@gongjian/schema';
import { fill, type RegionPicker_region, useWords } from '@gongjian/ui';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { CreateTaskDrawer, type TaskSource } from '../responsibility/tasks/CreateTaskDrawer.tsx';
import { Can } from '../shared/viewer.tsx';
import { commandWords } from './words.ts';

/**
 * Turning a decision (a meeting decision, a resolution, a document) into a task: `createTaskFrom(source)`
 * opens the task drawer, which `drawer` renders; closing it calls `onClosed` (to refresh the task counts).
 */
export function useTaskFromDecision(
  jurisdiction: FragmentOf<typeof RegionPicker_region>,
  onClosed: () => void,
) {
  const [source, setSource] = useState<TaskSource | null>(null);
  const drawer = source && (
    <CreateTaskDrawer
      source={source}
      jurisdiction={jurisdiction}
      onClose={() => {
        setSource(null);
        onClosed();
      }}
    />
  );
  return { createTaskFrom: setSource, drawer };
}

/** A row's task count so far and the button that makes a task from it. */
export function TaskFromDecisionActions({
  taskCount,
  onCreate,
}: {
  taskCount: number;
  onCreate: () => void;
}) {
  const words = useWords(commandWords);
  return (
    <Space>
      {taskCount > 0 && <Tag>{fill(words.tasksFromHere, { count: taskCount })}</Tag>}
      <Can permission="TASK_WRITE">
        <Button type="link" size="small" onClick={onCreate}>
          {words.createTaskFromDecision}
        </Button>
      </Can>
    </Space>
  );
}
