import { EmptyState, enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { Alert, Button, Col, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { RuleReasons } from '../../shared/RuleReasons.tsx';
import { MeasureFormDrawer } from '../households/MeasureFormDrawer.tsx';
import { MeasuresTable } from '../households/YearTables.tsx';
import { AssignCadreModal } from './AssignCadreModal.tsx';
import { monitoringFormWords } from './formWords.ts';
import { MonitoringStepForm, StartEliminationForm } from './MonitoringActions.tsx';
import type { MonitoringRow } from './monitoringRow.ts';
import { monitoringWords } from './words.ts';

/** A monitoring object's rules, measures and steps, with the forms the viewer may use on it. */
export function MonitoringDetail({ row, onChanged }: { row: MonitoringRow; onChanged: () => void }) {
  const words = useWords(monitoringWords);
  const formWords = useWords(monitoringFormWords);
  const { locale } = useLocale();
  const mine = row.viewerCanRecordStep;
  const [assigning, setAssigning] = useState(false);
  const [measure, setMeasure] = useState<{ id: string | null } | null>(null);
  const mayEditMeasures = row.household.viewerCanEdit;
  const editedMeasure = measure?.id ? (row.measures.find((m) => m.id === measure.id) ?? null) : null;
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
      <Space>
        <Typography.Text>
          {words.columnHelper}：<span data-testid="monitoring-cadre">{row.responsibleCadreName}</span>
        </Typography.Text>
        {row.viewerCanAssignCadre && (
          <Button size="small" onClick={() => setAssigning(true)} data-testid="assign-cadre">
            {formWords.assignCadre}
          </Button>
        )}
      </Space>
      <Space>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {words.measures}
        </Typography.Title>
        {mayEditMeasures && (
          <Button size="small" type="dashed" onClick={() => setMeasure({ id: null })}>
            + {formWords.addMeasure}
          </Button>
        )}
      </Space>
      <MeasuresTable
        measures={row.measures}
        onEdit={mayEditMeasures ? (id) => setMeasure({ id }) : undefined}
      />
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
      {assigning && (
        <AssignCadreModal
          object={{
            id: row.id,
            version: row.version,
            householdLabel: `${row.household.head?.name ?? ''} ${row.household.householdNumber}`,
          }}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            onChanged();
          }}
        />
      )}
      {measure && (
        <MeasureFormDrawer
          name="monitoringMeasure"
          householdId={row.household.id}
          measure={editedMeasure}
          onClose={() => setMeasure(null)}
          onSaved={() => {
            setMeasure(null);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}
