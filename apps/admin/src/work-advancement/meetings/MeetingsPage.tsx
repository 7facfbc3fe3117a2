import { type FragmentOf, graphql } from '@gongjian/schema';
import { enumLabel, fill, formatNumber, type RegionPicker_region, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../shared/DateInput.tsx';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { useCan } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { RegisterExportButton } from '../ExportButton.tsx';
import { editWords } from '../edit-words.ts';
import { useTaskFromDecision } from '../TaskFromDecision.tsx';
import { useWithdrawal, WithdrawMeetingModal, WithdrawnTag } from '../WithdrawModal.tsx';
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
          version
          type
          heldOn
          topic
          attendees
          withdrawnOn
          withdrawnReason
          withdrawnByName
          viewerCanEdit
          viewerCanWithdraw
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
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: MeetingsQuery,
    variables: {
      type: url.type ?? null,
      from: url.from || null,
      to: url.to || null,
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const { url, change } = page;
  const creating = useCreateDrawer(page.refresh);
  const { createTaskFrom, drawer } = useTaskFromDecision(jurisdiction, page.refresh);
  const connection = page.data?.meetings;
  const edit = useWords(editWords);
  type Row = NonNullable<typeof connection>['edges'][number]['node'];
  const withdrawal = useWithdrawal(WithdrawMeetingModal, page.refresh);
  const [editing, setEditing] = useState<Row | null>(null);
  return (
    <ListPage
      title={pageWords.pageMeetings}
      page={page}
      filters={[
        { choose: 'MeetingType', param: 'type', placeholder: words.meetingType, width: 200 },
        <span key="from">
          {words.from}{' '}
          <DateInput
            value={url.from ?? ''}
            onChange={(day) => change({ from: day || undefined })}
            style={{ width: 150 }}
          />
        </span>,
        <span key="to">
          {words.to}{' '}
          <DateInput
            value={url.to ?? ''}
            onChange={(day) => change({ to: day || undefined })}
            style={{ width: 150 }}
          />
        </span>,
        { search: 'search', placeholder: words.searchTopic, width: 220 },
      ]}
      create={{ permission: 'WORK_WRITE', text: words.createMeeting, onClick: creating.open }}
      extra={
        <RegisterExportButton
          list="meetings"
          filters={{ type: url.type, from: url.from, to: url.to, search: url.search }}
        />
      }
      connection={connection}
      testId="meetings-table"
      emptyText={words.noMeetings}
      tableProps={{
        size: 'middle',
        expandable: {
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
        },
      }}
      columns={[
        { title: words.columnDate, dataIndex: 'heldOn', key: 'heldOn', width: 120 },
        {
          title: words.columnType,
          key: 'type',
          width: 170,
          render: (_, m) => <Tag color="red">{enumLabel('MeetingType', m.type, locale)}</Tag>,
        },
        {
          title: words.columnTopic,
          key: 'topic',
          render: (_, m) => (
            <Space wrap>
              {m.topic}
              <WithdrawnTag record={m} />
            </Space>
          ),
        },
        {
          title: words.columnDecisions,
          key: 'decisions',
          width: 100,
          align: 'right',
          render: (_, m) => formatNumber(m.decisions.length),
        },
        {
          title: words.columnActions,
          key: 'actions',
          width: 140,
          render: (_, m) => (
            <Space size={0}>
              {m.viewerCanEdit && (
                <Button type="link" size="small" onClick={() => setEditing(m)} data-testid="edit-meeting">
                  {edit.edit}
                </Button>
              )}
              {withdrawal.button(m, 'withdraw-meeting')}
            </Space>
          ),
        },
      ]}
    >
      {creating.creating && <MeetingFormDrawer onClose={creating.close} />}
      {editing && (
        <MeetingFormDrawer
          meeting={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) page.refresh();
          }}
        />
      )}
      {withdrawal.modal}
      {drawer}
    </ListPage>
  );
}
