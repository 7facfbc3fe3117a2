import { type FragmentOf, graphql } from '@gongjian/schema';
import {
  EmptyState,
  enumLabel,
  enumOptions,
  fill,
  QueryErrorAlert,
  type RegionPicker_region,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Input, List, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { ConnectionPager, useUrlList } from '../../shared/usePagedFilters.tsx';
import { Can, useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { useTaskFromDecision } from '../TaskFromDecision.tsx';
import { commandWords } from '../words.ts';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';

const MeetingsQuery = graphql.persisted(
  'admin/AdminMeetings',
  graphql(`
  query AdminMeetings($type: MeetingType, $from: Date, $to: Date, $search: String, $first: Int!, $after: String) {
    meetings(type: $type, from: $from, to: $to, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          type
          heldOn
          topic
          attendees
          decisions {
            id
            sequence
            content
            taskCount
          }
        }
      }
    }
  }
`),
);

/** 会议决策: meetings by type and date, each with its decisions; any decision can become a task. */
const route = getRouteApi('/work-advancement/meetings');

export function MeetingsPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(commandWords);
  const mayCreateTasks = useCan('TASK_WRITE');
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const type = url.type ?? null;
  const from = url.from ?? '';
  const to = url.to ?? '';
  const search = url.search ?? '';
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeetingsQuery,
    variables: {
      type,
      from: from || null,
      to: to || null,
      search: search || null,
      first: paging.first,
      after: paging.after,
    },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const { createTaskFrom, drawer } = useTaskFromDecision(jurisdiction, refresh);
  const connection = data?.meetings;
  return (
    <Card title={pageWords.pageMeetings}>
      <div className="gj-page-toolbar">
        <Select
          allowClear
          placeholder={words.meetingType}
          style={{ width: 200 }}
          value={type}
          onChange={(value) => change({ type: value ?? undefined })}
          options={enumOptions('MeetingType', locale)}
        />
        <span>
          {words.from}{' '}
          <DateInput
            value={from}
            onChange={(day) => change({ from: day || undefined })}
            style={{ width: 150 }}
          />
        </span>
        <span>
          {words.to}{' '}
          <DateInput value={to} onChange={(day) => change({ to: day || undefined })} style={{ width: 150 }} />
        </span>
        <Input.Search
          allowClear
          placeholder={words.searchTopic}
          style={{ width: 220 }}
          defaultValue={url.search}
          onSearch={(value) => change({ search: value.trim() || undefined })}
        />
        <div style={{ flex: 1 }} />
        <Can permission="WORK_WRITE">
          <Button type="primary" onClick={() => setCreating(true)}>
            {words.createMeeting}
          </Button>
        </Can>
      </div>
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      <Table
        data-testid="meetings-table"
        rowKey="id"
        size="middle"
        loading={fetching}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <EmptyState description={words.noMeetings} /> }}
        expandable={{
          expandedRowRender: (meeting) => (
            <List
              size="small"
              header={`${words.columnAttendees}：${meeting.attendees.join('、')}`}
              dataSource={meeting.decisions}
              renderItem={(decision) => (
                <List.Item
                  actions={[
                    decision.taskCount > 0 && (
                      <Tag key="count">{fill(words.tasksFromHere, { count: decision.taskCount })}</Tag>
                    ),
                    mayCreateTasks && (
                      <Button
                        key="create"
                        type="link"
                        size="small"
                        onClick={() =>
                          createTaskFrom({
                            kind: 'MEETING_DECISION',
                            id: decision.id,
                            label: decision.content,
                          })
                        }
                      >
                        {words.createTaskFromDecision}
                      </Button>
                    ),
                  ]}
                >
                  {decision.sequence}. {decision.content}
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { title: words.columnDate, dataIndex: 'heldOn', key: 'heldOn', width: 120 },
          {
            title: words.columnType,
            key: 'type',
            width: 170,
            render: (_, m) => <Tag color="red">{enumLabel('MeetingType', m.type, locale)}</Tag>,
          },
          { title: words.columnTopic, dataIndex: 'topic', key: 'topic' },
          {
            title: words.columnDecisions,
            key: 'decisions',
            width: 100,
            align: 'right',
            render: (_, m) => m.decisions.length,
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {creating && (
        <MeetingFormDrawer
          onClose={(saved) => {
            setCreating(false);
            if (saved) refresh();
          }}
        />
      )}
      {drawer}
    </Card>
  );
}
