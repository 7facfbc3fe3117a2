import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Drawer, Segmented, Select } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../shared/DateInput.tsx';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { adminWords } from '../../words.ts';
import { RegisterExportButton } from '../../work-advancement/ExportButton.tsx';
import { DecomposePanel } from '../decompose/DecomposePanel.tsx';
import { useLevels } from '../levels.ts';
import { taskWords } from '../words.ts';
import { ProgressModal, ReassignModal, useCompleteTask } from './TaskModals.tsx';
import { type TaskRow, TasksTable, TasksTable_task } from './TasksTable.tsx';

const TasksQuery = graphql.persisted(
  'admin/AdminTasks',
  graphql(
    `
    query AdminTasks(
      $mine: Boolean
      $myUnit: Boolean
      $status: DerivedTaskStatus
      $level: String
      $regionId: ID
      $search: String
      $topOfJurisdiction: Boolean
      $asOf: Date
      $first: Int!
      $after: String
    ) {
      tasks(
        mine: $mine
        myUnit: $myUnit
        status: $status
        level: $level
        regionId: $regionId
        search: $search
        topOfJurisdiction: $topOfJurisdiction
        asOf: $asOf
        first: $first
        after: $after
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
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

type Scope = 'all' | 'mine' | 'myUnit';
type Dialog = { kind: 'report' | 'reassign' | 'decompose'; task: TaskRow } | null;

const route = getRouteApi('/responsibility/tasks');

export function TasksPage() {
  const words = useWords(taskWords);
  const pageWords = useWords(adminWords);
  const levels = useLevels();
  const today = useCountyToday();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => {
    const scope = url.scope ?? 'all';
    const filtered = scope !== 'all' || url.status || url.level || url.region?.length || url.search;
    return {
      query: TasksQuery,
      variables: {
        mine: scope === 'mine' || null,
        myUnit: scope === 'myUnit' || null,
        status: url.status ?? null,
        level: url.level ?? null,
        regionId: regionIdOf(url.region),
        search: url.search || null,
        topOfJurisdiction: !filtered,
        asOf: (url.asOf ?? today) || null,
        first: paging.first,
        after: paging.after,
      },
    };
  });
  const { url, change } = page;
  const scope: Scope = url.scope ?? 'all';
  const asOf = url.asOf ?? today;
  const [dialog, setDialog] = useState<Dialog>(null);
  const completeTask = useCompleteTask();
  const connection = page.data?.tasks;
  const closeAndRefresh = () => {
    setDialog(null);
    page.refresh();
  };

  return (
    <ListPage
      title={pageWords.pageTasks}
      extra={
        <RegisterExportButton
          list="tasks"
          filters={{
            mine: scope === 'mine',
            myUnit: scope === 'myUnit',
            status: url.status,
            level: url.level,
            regionId: regionIdOf(url.region),
            search: url.search,
            topOfJurisdiction: !(
              scope !== 'all' ||
              url.status ||
              url.level ||
              url.region?.length ||
              url.search
            ),
            asOf,
          }}
        />
      }
      page={page}
      filters={[
        <Segmented<Scope>
          key="scope"
          value={scope}
          onChange={(value) => change({ scope: value === 'all' ? undefined : value })}
          options={[
            { value: 'all', label: words.scopeAll },
            { value: 'mine', label: words.scopeMine },
            { value: 'myUnit', label: words.scopeMyUnit },
          ]}
        />,
        { choose: 'DerivedTaskStatus', param: 'status', placeholder: words.filterStatus, width: 130 },
        <Select
          key="level"
          allowClear
          placeholder={words.filterLevel}
          style={{ width: 170 }}
          value={url.level ?? null}
          onChange={(value) => change({ level: value ?? undefined })}
          options={levels.options}
        />,
        { region: 'region', id: 'tasks-region-filter' },
        { search: 'search', placeholder: words.searchTasks, width: 220 },
        <span key="asOf">
          {words.asOf}{' '}
          <DateInput
            value={asOf}
            onChange={(day) => change({ asOf: day && day !== today ? day : undefined })}
            style={{ width: 150 }}
          />
        </span>,
      ]}
      connection={connection}
      table={
        <TasksTable
          tasks={connection?.edges.map((edge) => edge.node) ?? []}
          loading={page.fetching}
          asOf={asOf}
          actions={{
            onReport: (task) => setDialog({ kind: 'report', task }),
            onReassign: (task) => setDialog({ kind: 'reassign', task }),
            onDecompose: (task) => setDialog({ kind: 'decompose', task }),
            onComplete: async (task) => {
              await completeTask(task);
              page.refresh();
            },
          }}
        />
      }
    >
      {dialog?.kind === 'report' && <ProgressModal task={dialog.task} onClose={closeAndRefresh} />}
      {dialog?.kind === 'reassign' && <ReassignModal task={dialog.task} onClose={closeAndRefresh} />}
      {dialog?.kind === 'decompose' && (
        <Drawer
          open
          width={1100}
          title={`${words.decompose}：${dialog.task.title}`}
          onClose={() => setDialog(null)}
          destroyOnHidden
        >
          <DecomposePanel parentId={dialog.task.id} onDone={closeAndRefresh} />
        </Drawer>
      )}
    </ListPage>
  );
}
