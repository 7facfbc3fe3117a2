import { graphql } from '@gongjian/schema';
import { EmptyState, fill, QueryErrorAlert, useWords } from '@gongjian/ui';
import { Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { adminWords } from '../../words.ts';
import { editWords } from '../edit-words.ts';
import { commandWords } from '../words.ts';
import { CombatGroupDrawer } from './CombatGroupDrawer.tsx';
import { CommandPostDrawer } from './CommandPostDrawer.tsx';

const CommandStructureQuery = graphql.persisted(
  'admin/AdminCommandStructure',
  graphql(`
  query AdminCommandStructure {
    commandPost {
      id
      version
      name
      establishedOn
      members {
        role
        name
        post
      }
      memberships {
        id
        version
        role
        name
        post
        endedOn
      }
      viewerCanEdit
      combatGroups {
        id
        version
        name
        remit
        sortOrder
        viewerCanEdit
        leader {
          id
          name
        }
        memberships {
          id
          version
          name
          post
          endedOn
        }
        leaderName
        leaderPost
        memberCount
        memberNames
        taskCount
      }
    }
    workStations {
      name
      staffCount
      staffNames
      staffWithinRange
      township {
        name
      }
    }
    departmentSections {
      name
      staffCount
      staffNames
    }
  }
`),
);

/** 指挥体系: the command post, its 12 combat groups, the township work stations and the department sections. */
export function CommandStructurePage() {
  const words = useWords(commandWords);
  const pageWords = useWords(adminWords);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CommandStructureQuery });
  const post = data?.commandPost;
  const commander = post?.members.find((m) => m.role === 'COMMANDER');
  const deputies = post?.members.filter((m) => m.role === 'DEPUTY_COMMANDER') ?? [];
  const edit = useWords(editWords);
  const [editingId, setEditingId] = useState<string | 'new' | null>(null);
  const [editingPost, setEditingPost] = useState(false);
  const editing = post?.combatGroups.find((g) => g.id === editingId) ?? null;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Card title={pageWords.pageCommand} loading={fetching && !data}>
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {data && !post && <EmptyState description={words.noCommandPost} />}
      {post && (
        <Descriptions
          bordered
          size="small"
          column={1}
          title={post.name}
          extra={
            <Space>
              {fill(words.establishedOn, { date: post.establishedOn })}
              {post.viewerCanEdit && (
                <Button size="small" onClick={() => setEditingPost(true)} data-testid="edit-command-post">
                  {edit.edit}
                </Button>
              )}
            </Space>
          }
        >
          <Descriptions.Item label={words.commander}>
            {commander && `${commander.name}（${commander.post}）`}
          </Descriptions.Item>
          <Descriptions.Item label={words.deputies}>
            <Space wrap>
              {deputies.map((d) => (
                <Tag key={`${d.name}-${d.post}`}>
                  {d.name} · {d.post}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      {post?.viewerCanEdit && (
        <Button style={{ marginTop: 16 }} onClick={() => setEditingId('new')} data-testid="create-group">
          {edit.createGroup}
        </Button>
      )}
      {post && editingPost && (
        <CommandPostDrawer
          post={post}
          onChanged={refresh}
          onClose={(saved) => {
            setEditingPost(false);
            if (saved) refresh();
          }}
        />
      )}
      {post && editingId && (editing || editingId === 'new') && (
        <CombatGroupDrawer
          key={editingId}
          group={editing}
          commandPostId={post.id}
          onChanged={refresh}
          onClose={(saved) => {
            setEditingId(null);
            if (saved) refresh();
          }}
        />
      )}
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'groups',
            label: `${words.combatGroups}（${post?.combatGroups.length ?? 0}）`,
            children: (
              <Table
                data-testid="combat-groups-table"
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={post?.combatGroups ?? []}
                columns={[
                  { title: words.columnGroup, dataIndex: 'name', key: 'name', width: 140 },
                  {
                    title: words.columnLeader,
                    key: 'leader',
                    width: 220,
                    render: (_, g) => `${g.leaderName}（${g.leaderPost}）`,
                  },
                  { title: words.columnRemit, dataIndex: 'remit', key: 'remit' },
                  {
                    title: words.columnMembers,
                    key: 'members',
                    width: 260,
                    render: (_, g) => (
                      <Typography.Text title={g.memberNames.join('、')}>
                        {g.memberCount}：{g.memberNames.slice(0, 4).join('、')}
                        {g.memberCount > 4 ? '…' : ''}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: words.columnTasks,
                    dataIndex: 'taskCount',
                    key: 'tasks',
                    width: 90,
                    align: 'right',
                  },
                  {
                    title: words.columnActions,
                    key: 'actions',
                    width: 90,
                    render: (_, g) =>
                      g.viewerCanEdit && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setEditingId(g.id)}
                          data-testid="edit-group"
                        >
                          {edit.edit}
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'stations',
            label: `${words.workStations}（${data?.workStations.length ?? 0}）`,
            children: (
              <Table
                data-testid="work-stations-table"
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={data?.workStations ?? []}
                columns={[
                  { title: words.columnStation, dataIndex: 'name', key: 'name', width: 200 },
                  {
                    title: words.columnTownship,
                    key: 'township',
                    width: 120,
                    render: (_, w) => w.township.name,
                  },
                  {
                    title: words.columnStaffCount,
                    dataIndex: 'staffCount',
                    key: 'count',
                    width: 80,
                    align: 'right',
                  },
                  {
                    title: '2–5',
                    key: 'flag',
                    width: 120,
                    render: (_, w) =>
                      w.staffWithinRange ? (
                        <Tag color="success">{words.staffOk}</Tag>
                      ) : (
                        <Tag color="error">{words.staffOutside}</Tag>
                      ),
                  },
                  { title: words.columnStaff, key: 'staff', render: (_, w) => w.staffNames.join('、') },
                ]}
              />
            ),
          },
          {
            key: 'sections',
            label: `${words.departmentSections}（${data?.departmentSections.length ?? 0}）`,
            children: (
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={data?.departmentSections ?? []}
                columns={[
                  { title: words.columnSection, dataIndex: 'name', key: 'name', width: 320 },
                  {
                    title: words.columnStaffCount,
                    dataIndex: 'staffCount',
                    key: 'count',
                    width: 80,
                    align: 'right',
                  },
                  { title: words.columnStaff, key: 'staff', render: (_, d) => d.staffNames.join('、') },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
