import { graphql } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Checkbox, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { outcomeText, reasonText } from '../../shared/ruleText.ts';
import { adminWords } from '../../words.ts';
import { assistanceWords } from '../words.ts';
import { AddMemberModal, CreateTeamDrawer, EditTeamDrawer, EndMembershipModal } from './TeamForms.tsx';
import { readTeam, type TeamRow, WorkTeamRow_team } from './team.ts';
import { WithdrawTeamModal } from './WithdrawTeamModal.tsx';

const WorkTeamsQuery = graphql.persisted(
  'admin/AdminWorkTeams',
  graphql(
    `
    query AdminWorkTeams($regionId: ID, $open: Boolean, $search: String, $first: Int!, $after: String) {
      workTeams(regionId: $regionId, open: $open, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...WorkTeamRow_team
          }
        }
      }
    }
  `,
    [WorkTeamRow_team],
  ),
);

type MemberRow = TeamRow['members'][number];

/** A rule's verdict as a tag, its explanation on hover. */
function Verdict({ decision, testId }: { decision: TeamRow['strength']; testId?: string }) {
  const { locale } = useLocale();
  const d = decision;
  const reasons = d.reasons;
  const failed = reasons.filter((r) => !r.passed);
  const shown = failed.length > 0 ? failed : reasons;
  return (
    <Tooltip title={shown.map((r) => reasonText(r, locale)).join('；')}>
      <Tag color={failed.length > 0 ? 'red' : 'green'} data-testid={testId}>
        {outcomeText(d, locale)}
      </Tag>
    </Tooltip>
  );
}

const route = getRouteApi('/assistance/work-teams');

export function exportQuery(params: Record<string, string | null | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString() ? `?${query}` : '';
}

/** 驻村工作队花名册: each village's team, its backing unit, its members with their terms, and the rules' verdicts. */
export function WorkTeamsPage() {
  const words = useWords(assistanceWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: WorkTeamsQuery,
    variables: {
      regionId: regionIdOf(url.region),
      open: url.all ? null : true,
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const creating = useCreateDrawer(page.refresh);
  const [editing, setEditing] = useState<TeamRow | null>(null);
  const [adding, setAdding] = useState<TeamRow | null>(null);
  const [ending, setEnding] = useState<MemberRow | null>(null);
  const [withdrawing, setWithdrawing] = useState<TeamRow | null>(null);
  const teams = (page.data?.workTeams.edges ?? []).map((edge) => readTeam(edge.node));
  const closing = (close: () => void) => (saved: boolean) => {
    close();
    if (saved) page.refresh();
  };
  const memberColumns = [
    { title: words.columnName, dataIndex: 'cadreName', key: 'name' },
    {
      title: words.columnRole,
      key: 'role',
      render: (_: unknown, m: MemberRow) => enumLabel('WorkTeamRole', m.role, locale),
    },
    { title: words.columnUnit, dataIndex: 'unitName', key: 'unit' },
    { title: words.columnStart, dataIndex: 'startDate', key: 'start' },
    { title: words.columnEnd, key: 'end', render: (_: unknown, m: MemberRow) => m.endDate ?? '—' },
    {
      title: words.columnTerm,
      key: 'term',
      render: (_: unknown, m: MemberRow) => <Verdict decision={m.term} />,
    },
    {
      title: words.columnActions,
      key: 'actions',
      render: (_: unknown, m: MemberRow) =>
        m.viewerCanEnd && (
          <Button type="link" size="small" onClick={() => setEnding(m)}>
            {words.endMembership}
          </Button>
        ),
    },
  ];
  return (
    <ListPage
      title={pageWords.pageWorkTeams}
      extra={
        <Button
          href={`/assistance/work-teams/export${exportQuery({
            regionId: regionIdOf(page.url.region),
            open: page.url.all ? null : 'true',
            search: page.url.search,
          })}`}
          download
          data-testid="export-work-teams"
        >
          {words.exportExcel}
        </Button>
      }
      page={page}
      filters={[
        { search: 'search', placeholder: words.searchTeams, width: 220 },
        { region: 'region' },
        <Checkbox
          key="all"
          checked={!page.url.all}
          onChange={(e) => page.change({ all: e.target.checked ? undefined : true })}
        >
          {words.onlyOpen}
        </Checkbox>,
      ]}
      create={{ permission: 'WORKTEAM_WRITE', text: words.createTeam, onClick: creating.open }}
      connection={page.data?.workTeams}
      table={
        <Table<TeamRow>
          data-testid="work-teams-table"
          rowKey="id"
          loading={page.fetching}
          pagination={false}
          dataSource={teams}
          expandable={{
            expandedRowRender: (team) => (
              <Table<MemberRow>
                data-testid="work-team-members"
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={team.members}
                columns={memberColumns}
              />
            ),
          }}
          locale={{ emptyText: words.noTeams }}
          columns={[
            {
              title: words.columnVillage,
              key: 'village',
              render: (_, t) => `${t.village.parent?.name ?? ''} ${t.village.name}`,
            },
            { title: words.columnBackingUnit, dataIndex: 'backingUnitName', key: 'unit' },
            { title: words.columnStart, dataIndex: 'startDate', key: 'start' },
            {
              title: words.columnWithdrawn,
              key: 'withdrawn',
              render: (_, t) =>
                t.endDate ? (
                  <Tooltip title={t.withdrawnReason}>
                    <Tag data-testid="team-withdrawn">{`${words.withdrawn} ${t.endDate}`}</Tag>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: words.columnMembers,
              key: 'members',
              render: (_, t) => t.members.filter((m) => m.endDate === null).length,
            },
            {
              title: words.columnStrength,
              key: 'strength',
              render: (_, t) => <Verdict decision={t.strength} testId="team-strength" />,
            },
            {
              title: words.columnActions,
              key: 'actions',
              render: (_, t) => (
                <Space size="small">
                  {t.viewerCanAddMember && (
                    <Button type="link" size="small" onClick={() => setAdding(t)}>
                      {words.addMember}
                    </Button>
                  )}
                  {t.viewerCanEdit && (
                    <Button type="link" size="small" onClick={() => setEditing(t)}>
                      {words.editTeam}
                    </Button>
                  )}
                  {t.viewerCanWithdraw && (
                    <Button type="link" size="small" danger onClick={() => setWithdrawing(t)}>
                      {words.withdrawTeam}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      }
    >
      {creating.creating && <CreateTeamDrawer onClose={creating.close} />}
      {editing && <EditTeamDrawer team={editing} onClose={closing(() => setEditing(null))} />}
      {adding && <AddMemberModal team={adding} onClose={closing(() => setAdding(null))} />}
      {ending && <EndMembershipModal member={ending} onClose={closing(() => setEnding(null))} />}
      {withdrawing && <WithdrawTeamModal team={withdrawing} onClose={closing(() => setWithdrawing(null))} />}
    </ListPage>
  );
}
