import { graphql } from '@gongjian/schema';
import { enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from '../households/HouseholdDrawer.tsx';
import { monitoringFormWords } from './formWords.ts';
import { MonitoringDetail } from './MonitoringDetail.tsx';
import { MonitoringRow_object, readRow } from './monitoringRow.ts';
import { StartMonitoringDrawer } from './StartMonitoringDrawer.tsx';
import { monitoringWords } from './words.ts';

const MonitoringQuery = graphql.persisted(
  'admin/AdminMonitoringObjects',
  graphql(
    `
    query AdminMonitoringObjects(
      $type: MonitoringType
      $state: MonitoringState
      $regionId: ID
      $first: Int!
      $after: String
    ) {
      monitoringObjects(type: $type, state: $state, regionId: $regionId, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...MonitoringRow_object
          }
        }
      }
    }
  `,
    [MonitoringRow_object],
  ),
);

const route = getRouteApi('/identification/monitoring');

export function MonitoringPage() {
  const words = useWords(monitoringWords);
  const pageWords = useWords(adminWords);
  const formWords = useWords(monitoringFormWords);
  const { locale } = useLocale();
  const [starting, setStarting] = useState(false);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: MonitoringQuery,
    variables: {
      type: url.type ?? null,
      state: url.state ?? null,
      regionId: regionIdOf(url.region),
      first: paging.first,
      after: paging.after,
    },
  }));
  const openHousehold = page.url.household ?? null;
  const setOpenHousehold = (household: string | null) => page.update({ household: household ?? undefined });
  const objects = page.data?.monitoringObjects;
  const connection = objects && {
    ...objects,
    edges: objects.edges.map((edge) => ({ node: readRow(edge.node) })),
  };

  return (
    <ListPage
      title={pageWords.pageMonitoring}
      extra={
        <Can permission="MONITORING_WRITE">
          <Button type="primary" onClick={() => setStarting(true)} data-testid="start-monitoring">
            {formWords.startMonitoring}
          </Button>
        </Can>
      }
      page={page}
      filters={[
        { choose: 'MonitoringType', param: 'type', placeholder: words.filterType, width: 160 },
        { choose: 'MonitoringState', param: 'state', placeholder: words.filterState, width: 160 },
        { region: 'region', id: 'monitoring-region-filter' },
      ]}
      connection={connection}
      testId="monitoring-table"
      emptyText={words.noObjects}
      tableProps={{
        size: 'middle',
        expandable: {
          expandedRowRender: (row) => <MonitoringDetail row={row} onChanged={page.refresh} />,
        },
      }}
      columns={[
        {
          title: words.columnHousehold,
          key: 'household',
          render: (_, row) => (
            <Button type="link" size="small" onClick={() => setOpenHousehold(row.household.id)}>
              {row.household.head?.name ?? '—'} · {row.household.householdNumber}
            </Button>
          ),
        },
        { title: words.columnVillage, key: 'village', render: (_, row) => row.household.village.name },
        {
          title: words.columnType,
          key: 'type',
          render: (_, row) => enumLabel('MonitoringType', row.type, locale),
        },
        {
          title: words.columnRisk,
          key: 'risk',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <span>{row.riskKinds.map((kind) => enumLabel('RiskKind', kind, locale)).join('、')}</span>
              {row.riskNote && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.riskNote}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: words.columnHelper, dataIndex: 'responsibleCadreName', key: 'helper' },
        {
          title: words.columnMeasures,
          key: 'measures',
          width: 70,
          render: (_, row) => row.measures.length,
        },
        {
          title: words.columnProcedure,
          key: 'procedure',
          render: (_, row) => (
            <Space direction="vertical" size={0}>
              <span>
                {enumLabel('MonitoringProcedure', row.procedure, locale)} ·{' '}
                {row.nextStep
                  ? fill(words.nextStep, { step: enumLabel('MonitoringStep', row.nextStep, locale) })
                  : words.procedureDone}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.identificationDeadline && fill(words.deadline, { date: row.identificationDeadline })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: words.columnState,
          key: 'state',
          render: (_, row) => (
            <Space size={4} wrap>
              <Tag
                color={
                  row.state === 'RISK_ELIMINATED'
                    ? 'success'
                    : row.state === 'MONITORED'
                      ? 'orange'
                      : 'processing'
                }
              >
                {enumLabel('MonitoringState', row.state, locale)}
              </Tag>
              {!row.household.riskEliminationAllowed && (
                <Tag color="red" data-testid="never-eliminated">
                  {words.neverEliminated}
                </Tag>
              )}
            </Space>
          ),
        },
      ]}
    >
      {starting && (
        <StartMonitoringDrawer
          onClose={(started) => {
            setStarting(false);
            if (started) page.refresh();
          }}
        />
      )}
      {openHousehold && (
        <HouseholdDrawer householdId={openHousehold} onClose={() => setOpenHousehold(null)} />
      )}
    </ListPage>
  );
}
