import { graphql } from '@gongjian/schema';
import { enumLabel, fill, formatNumber, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { adminWords } from '../../words.ts';
import { exportQuery } from '../teams/WorkTeamsPage.tsx';
import { assistanceWords } from '../words.ts';
import { ActivityModal } from './ActivityForm.tsx';
import { type ActivityRow, ActivityRow_activity, readActivity } from './activity.ts';

const ActivitiesQuery = graphql.persisted(
  'admin/AdminAssistanceActivities',
  graphql(
    `
    query AdminAssistanceActivities(
      $kind: AssistanceActivityKind
      $regionId: ID
      $search: String
      $from: Date
      $to: Date
      $first: Int!
      $after: String
    ) {
      assistanceActivities(
        kind: $kind
        regionId: $regionId
        search: $search
        from: $from
        to: $to
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
            ...ActivityRow_activity
          }
        }
      }
      assistanceActivityTotals(kind: $kind, regionId: $regionId, search: $search, from: $from, to: $to) {
        activities
        participants
        copiesDistributed
      }
    }
  `,
    [ActivityRow_activity],
  ),
);

const route = getRouteApi('/assistance/activities');

/** 帮扶活动与政策宣传: campaigns and publicity drives with their participants and copies, filtered, paged, exported. */
export function ActivitiesPage() {
  const words = useWords(assistanceWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: ActivitiesQuery,
    variables: {
      kind: (url.kind as 'CAMPAIGN' | 'PUBLICITY' | undefined) ?? null,
      regionId: regionIdOf(url.region),
      search: url.search || null,
      from: url.from || null,
      to: url.to || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const [editing, setEditing] = useState<ActivityRow | 'new' | null>(null);
  const rows = (page.data?.assistanceActivities.edges ?? []).map((edge) => readActivity(edge.node));
  const totals = page.data?.assistanceActivityTotals;
  const filterQuery = exportQuery({
    kind: page.url.kind,
    regionId: regionIdOf(page.url.region),
    search: page.url.search,
    from: page.url.from,
    to: page.url.to,
  });
  return (
    <ListPage
      title={pageWords.pageActivities}
      extra={
        <Button href={`/assistance/activities/export${filterQuery}`} download data-testid="export-activities">
          {words.exportExcel}
        </Button>
      }
      page={page}
      filters={[
        { choose: 'AssistanceActivityKind', param: 'kind', placeholder: words.activityKind, width: 140 },
        { search: 'search', placeholder: words.activitySearch, width: 200 },
        { region: 'region' },
        { search: 'from', placeholder: `${words.activityFrom} YYYY-MM-DD`, width: 150 },
        { search: 'to', placeholder: `${words.activityTo} YYYY-MM-DD`, width: 150 },
      ]}
      create={{ permission: 'ACTIVITY_WRITE', text: words.createActivity, onClick: () => setEditing('new') }}
      connection={page.data?.assistanceActivities}
      table={
        <>
          {totals && (
            <Typography.Paragraph data-testid="activity-totals">
              {fill(words.activityTotals, {
                activities: totals.activities,
                participants: formatNumber(totals.participants),
                copies: formatNumber(totals.copiesDistributed),
              })}
            </Typography.Paragraph>
          )}
          <Table<ActivityRow>
            data-testid="activities-table"
            rowKey="id"
            loading={page.fetching}
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: words.noActivities }}
            columns={[
              {
                title: words.activityKind,
                key: 'kind',
                render: (_, a) => enumLabel('AssistanceActivityKind', a.kind, locale),
              },
              { title: words.columnActivity, dataIndex: 'name', key: 'name' },
              { title: words.columnRegion, key: 'region', render: (_, a) => a.region.name },
              { title: words.columnStart, dataIndex: 'startDate', key: 'start' },
              { title: words.columnEnd, dataIndex: 'endDate', key: 'end' },
              { title: words.columnParticipants, dataIndex: 'participants', key: 'participants' },
              { title: words.columnCopies, dataIndex: 'copiesDistributed', key: 'copies' },
              { title: words.columnMaterials, dataIndex: 'materials', key: 'materials' },
              {
                title: words.columnActions,
                key: 'actions',
                render: (_, a) =>
                  a.viewerCanEdit && (
                    <Button type="link" size="small" onClick={() => setEditing(a)}>
                      {words.edit}
                    </Button>
                  ),
              },
            ]}
          />
        </>
      }
    >
      {editing && (
        <ActivityModal
          activity={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) page.refresh();
          }}
        />
      )}
    </ListPage>
  );
}
