import { type FragmentOf, graphql } from '@gongjian/schema';
import { type RegionPicker_region, useCountyToday, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Drawer, Segmented, Select } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../shared/DateInput.tsx';
import { EnumFilter, ListPage, RegionFilter, SearchFilter, useListQuery } from '../../shared/ListPage.tsx';
import { useUrlList } from '../../shared/usePagedFilters.tsx';
import { adminWords } from '../../words.ts';
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

export function TasksPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(taskWords);
  const pageWords = useWords(adminWords);
  const levels = useLevels();
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const scope: Scope = url.scope ?? 'all';
  const status = url.status ?? null;
  const level = url.level ?? null;
  const regionPath = url.region ?? [];
  const search = url.search ?? '';
  const today = useCountyToday();
  const asOf = url.asOf ?? today;
  const [dialog, setDialog] = useState<Dialog>(null);
  const completeTask = useCompleteTask();
  const regionId = regionPath[regionPath.length - 1] ?? null;
  const filtered = scope !== 'all' || status || level || regionId || search;
  const list = useListQuery({
    query: TasksQuery,
    variables: {
      mine: scope === 'mine' || null,
      myUnit: scope === 'myUnit' || null,
      status,
      level,
      regionId,
      search: search || null,
      topOfJurisdiction: !filtered,
      asOf: asOf || null,
      first: paging.first,
      after: paging.after,
    },
  });
  const connection = list.data?.tasks;
  const closeAndRefresh = () => {
    setDialog(null);
    list.refresh();
  };

  return (
    <ListPage
      title={pageWords.pageTasks}
      filters={
        <>
          <Segmented<Scope>
            value={scope}
            onChange={(value) => change({ scope: value === 'all' ? undefined : value })}
            options={[
              { value: 'all', label: words.scopeAll },
              { value: 'mine', label: words.scopeMine },
              { value: 'myUnit', label: words.scopeMyUnit },
            ]}
          />
          <EnumFilter
            name="DerivedTaskStatus"
            placeholder={words.filterStatus}
            width={130}
            value={status}
            onChange={(value) => change({ status: value })}
          />
          <Select
            allowClear
            placeholder={words.filterLevel}
            style={{ width: 170 }}
            value={level}
            onChange={(value) => change({ level: value ?? undefined })}
            options={levels.options}
          />
          <RegionFilter
            id="tasks-region-filter"
            jurisdiction={jurisdiction}
            value={regionPath}
            onChange={(region) => change({ region })}
          />
          <SearchFilter
            placeholder={words.searchTasks}
            width={220}
            initial={url.search}
            onSearch={(value) => change({ search: value })}
          />
          <span>
            {words.asOf}{' '}
            <DateInput
              value={asOf}
              onChange={(day) => change({ asOf: day && day !== today ? day : undefined })}
              style={{ width: 150 }}
            />
          </span>
        </>
      }
      list={list}
      connection={connection}
      paging={paging}
      table={
        <TasksTable
          tasks={connection?.edges.map((edge) => edge.node) ?? []}
          loading={list.fetching}
          asOf={asOf}
          actions={{
            onReport: (task) => setDialog({ kind: 'report', task }),
            onReassign: (task) => setDialog({ kind: 'reassign', task }),
            onDecompose: (task) => setDialog({ kind: 'decompose', task }),
            onComplete: async (task) => {
              await completeTask(task);
              list.refresh();
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
