import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { ListPage, useListPage } from '../../shared/ListPage.tsx';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { adminWords } from '../../words.ts';
import { HouseholdDrawer } from '../households/HouseholdDrawer.tsx';
import { MeasuresTable, MeasuresTable_measure } from '../households/YearTables.tsx';
import { MonitoringActions_target, MonitoringStepForm, StartEliminationForm } from './MonitoringActions.tsx';
import { monitoringWords } from './words.ts';

export const MonitoringRow_object = graphql(
  `
    fragment MonitoringRow_object on MonitoringObject {
      id
      ...MonitoringActions_target
      type
      state
      year
      procedure
      stepsDone
      nextStep
      nextStepRoles
      viewerCanRecordStep
      viewerCanStartRiskElimination
      riskKinds
      riskNote
      clueOn
      identifiedOn
      identificationDeadline
      eliminatedOn
      responsibleCadreName
      version
      classification {
        ...RuleReasons_reason
      }
      eliminationAssessment {
        ...RuleReasons_reason
      }
      measures {
        id
        ...MeasuresTable_measure
      }
      steps {
        sequence
        procedure
        step
        decision
        actorName
        actorRole
        actedOn
        notes
      }
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
        riskEliminationAllowed
      }
    }
  `,
  [RuleReasons_reason, MeasuresTable_measure, MonitoringActions_target],
);

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

type MonitoringRow = ReturnType<typeof readRow>;

function readRow(object: FragmentOf<typeof MonitoringRow_object>) {
  return readFragment(MonitoringRow_object, object);
}

function MonitoringDetail({ row, onChanged }: { row: MonitoringRow; onChanged: () => void }) {
  const words = useWords(monitoringWords);
  const { locale } = useLocale();
  const mine = row.viewerCanRecordStep;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Title level={5}>{words.classification}</Typography.Title>
          <RuleReasons reasons={row.classification} />
        </Col>
        <Col span={12}>
          <Typography.Title level={5}>{words.eliminationAssessment}</Typography.Title>
          {row.eliminationAssessment ? (
            <RuleReasons reasons={row.eliminationAssessment} />
          ) : (
            <EmptyState description={words.noElimination} />
          )}
        </Col>
      </Row>
      <Typography.Title level={5}>{words.measures}</Typography.Title>
      <MeasuresTable measures={row.measures} />
      <Typography.Title level={5}>{words.steps}</Typography.Title>
      <Table
        rowKey="sequence"
        size="small"
        pagination={false}
        dataSource={row.steps}
        locale={{ emptyText: <EmptyState /> }}
        columns={[
          { title: '#', dataIndex: 'sequence', key: 'sequence', width: 40 },
          {
            title: words.procedure,
            key: 'procedure',
            render: (_, s) => enumLabel('MonitoringProcedure', s.procedure, locale),
          },
          { title: words.step, key: 'step', render: (_, s) => enumLabel('MonitoringStep', s.step, locale) },
          {
            title: words.actor,
            key: 'actor',
            render: (_, s) => `${s.actorName}（${enumLabel('ActorRole', s.actorRole, locale)}）`,
          },
          { title: words.actedOn, dataIndex: 'actedOn', key: 'actedOn', width: 110 },
          {
            title: words.decision,
            key: 'decision',
            render: (_, s) => enumLabel('StepDecision', s.decision, locale),
          },
          { title: words.notes, dataIndex: 'notes', key: 'notes' },
        ]}
      />
      {row.nextStep && mine && <MonitoringStepForm target={row} onChanged={onChanged} />}
      {row.nextStep && !mine && (
        <Alert
          type="info"
          showIcon
          data-testid="monitoring-waiting-for"
          message={fill(words.waitingFor, {
            roles: row.nextStepRoles.map((role) => enumLabel('ActorRole', role, locale)).join(' / '),
          })}
        />
      )}
      {row.viewerCanStartRiskElimination && <StartEliminationForm target={row} onChanged={onChanged} />}
    </Space>
  );
}

const route = getRouteApi('/identification/monitoring');

export function MonitoringPage() {
  const words = useWords(monitoringWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
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
      {openHousehold && (
        <HouseholdDrawer householdId={openHousehold} onClose={() => setOpenHousehold(null)} />
      )}
    </ListPage>
  );
}
