import { graphql } from '@gongjian/schema';
import {
  EmptyState,
  enumLabel,
  FullPageSpin,
  fill,
  QueryErrorAlert,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Drawer, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { applicationStateColours } from '../../shared/tagColours.ts';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from '../households/HouseholdDrawer.tsx';
import {
  ApplicationProcedure,
  ApplicationProcedure_application,
  noticeDaysLeft,
} from './ApplicationProcedure.tsx';
import { applicationWords } from './words.ts';

const ApplicationsQuery = graphql.persisted(
  'admin/AdminStatusApplications',
  graphql(`
  query AdminStatusApplications(
    $awaitingMyAction: Boolean
    $state: ApplicationState
    $kind: ApplicationKind
    $regionId: ID
    $first: Int!
    $after: String
  ) {
    statusApplications(
      awaitingMyAction: $awaitingMyAction
      state: $state
      kind: $kind
      regionId: $regionId
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
          kind
          state
          startedOn
          stepsDone
          procedureSteps
          nextStep
          nextStepRoles
          noticeEndsOn
          household {
            id
            householdNumber
            head {
              id
              name
            }
            village {
              id
              name
            }
          }
        }
      }
    }
  }
`),
);

const ApplicationQuery = graphql.persisted(
  'admin/AdminStatusApplication',
  graphql(
    `
    query AdminStatusApplication($id: ID!) {
      node(id: $id) {
        __typename
        ... on StatusApplication {
          id
          kind
          household {
            id
            householdNumber
            head {
              id
              name
            }
          }
          ...ApplicationProcedure_application
        }
      }
    }
  `,
    [ApplicationProcedure_application],
  ),
);

/** One application in a drawer: its procedure, and the step form when the step is the viewer's. */
function ApplicationDrawer({
  applicationId,
  onOpenHousehold,
  onClose,
}: {
  applicationId: string;
  onOpenHousehold: (householdId: string) => void;
  onClose: () => void;
}) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApplicationQuery,
    variables: { id: applicationId },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const application = data?.node?.__typename === 'StatusApplication' ? data.node : null;
  return (
    <Drawer
      open
      width={1100}
      onClose={onClose}
      destroyOnHidden
      title={
        application
          ? fill(words.applicationTitle, {
              kind: enumLabel('ApplicationKind', application.kind, locale),
              head: application.household.head?.name ?? '',
              number: application.household.householdNumber,
            })
          : ''
      }
      extra={
        application && (
          <Button onClick={() => onOpenHousehold(application.household.id)}>{words.openHousehold}</Button>
        )
      }
    >
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      {fetching && !data && <FullPageSpin />}
      {data && !application && <EmptyState description={words.applicationNotFound} />}
      {application && <ApplicationProcedure application={application} onChanged={refresh} />}
    </Drawer>
  );
}

type Scope = 'mine' | 'all';

const route = getRouteApi('/identification/applications');

export function ApplicationsPage() {
  const words = useWords(applicationWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: ApplicationsQuery,
    variables: {
      awaitingMyAction: (url.scope ?? 'mine') === 'mine' || null,
      state: url.state ?? null,
      kind: url.kind ?? null,
      regionId: regionIdOf(url.region),
      first: paging.first,
      after: paging.after,
    },
  }));
  const { url, change, update } = page;
  const scope: Scope = url.scope ?? 'mine';
  const openApplication = url.application ?? null;
  const openHousehold = url.household ?? null;
  const setOpenApplication = (application: string | null) =>
    update({ application: application ?? undefined });
  const setOpenHousehold = (household: string | null) => update({ household: household ?? undefined });
  const connection = page.data?.statusApplications;
  const today = useCountyToday();

  return (
    <ListPage
      title={pageWords.pageApplications}
      page={page}
      filters={[
        <Segmented<Scope>
          key="scope"
          value={scope}
          onChange={(value) => change({ scope: value === 'mine' ? undefined : value })}
          options={[
            { value: 'mine', label: words.scopeMine },
            { value: 'all', label: words.scopeAll },
          ]}
        />,
        { choose: 'ApplicationState', param: 'state', placeholder: words.filterState, width: 130 },
        { choose: 'ApplicationKind', param: 'kind', placeholder: words.filterKind, width: 170 },
        { region: 'region', id: 'applications-region-filter' },
      ]}
      connection={connection}
      testId="applications-table"
      emptyText={scope === 'mine' ? words.noPending : words.noApplications}
      tableProps={{ size: 'middle' }}
      columns={[
        {
          title: words.columnHousehold,
          key: 'household',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{row.household.head?.name ?? '—'}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.household.householdNumber} · {row.household.village.name}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: words.kind,
          key: 'kind',
          render: (_, row) => enumLabel('ApplicationKind', row.kind, locale),
        },
        { title: words.startedOn, dataIndex: 'startedOn', key: 'startedOn', width: 110 },
        {
          title: words.columnProgress,
          key: 'progress',
          width: 80,
          render: (_, row) => fill(words.stepsOf, { done: row.stepsDone, total: row.procedureSteps.length }),
        },
        {
          title: words.columnNext,
          key: 'next',
          render: (_, row) =>
            row.nextStep ? (
              <Space direction="vertical" size={0}>
                <span>{enumLabel('ProcedureStep', row.nextStep, locale)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.nextStepRoles.map((role) => enumLabel('ActorRole', role, locale)).join(' / ')}
                </Typography.Text>
              </Space>
            ) : (
              '—'
            ),
        },
        {
          title: words.columnNotice,
          key: 'notice',
          render: (_, row) => {
            const left = noticeDaysLeft(row.noticeEndsOn, today);
            return left ? (
              <Tag color="orange">{fill(words.noticeEnds, { date: row.noticeEndsOn ?? '' })}</Tag>
            ) : (
              '—'
            );
          },
        },
        {
          title: words.state,
          key: 'state',
          width: 90,
          render: (_, row) => (
            <Tag color={applicationStateColours[row.state]}>
              {enumLabel('ApplicationState', row.state, locale)}
            </Tag>
          ),
        },
        {
          title: words.columnActions,
          key: 'actions',
          width: 90,
          render: (_, row) => (
            <Button type="link" size="small" onClick={() => setOpenApplication(row.id)}>
              {scope === 'mine' ? words.handle : words.view}
            </Button>
          ),
        },
      ]}
    >
      {openApplication && (
        <ApplicationDrawer
          applicationId={openApplication}
          onOpenHousehold={setOpenHousehold}
          onClose={() => {
            setOpenApplication(null);
            page.refresh();
          }}
        />
      )}
      {openHousehold && (
        <HouseholdDrawer householdId={openHousehold} onClose={() => setOpenHousehold(null)} />
      )}
    </ListPage>
  );
}
