import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { Alert, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { CadreSelect, HouseholdSelect } from '../../shared/pickers.tsx';
import { monitoringFormWords } from './formWords.ts';

const StartMonitoringMutation = graphql.persisted(
  'admin/AdminStartMonitoring',
  graphql(
    `
    mutation AdminStartMonitoring($input: StartMonitoringInput!) {
      startMonitoring(input: $input) {
        __typename
        ... on MutationStartMonitoringSuccess {
          data {
            id
            type
            state
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

interface StartValues {
  householdId: string;
  year: number;
  riskKinds: EnumValue<'RiskKind'>[];
  riskNote?: string;
  rigidSpendingSurge: boolean;
  sharpIncomeDrop: boolean;
  responsibleCadreId: string | null;
  date: string;
}

const startFields = [
  'householdId',
  'year',
  'riskKinds',
  'riskNote',
  'rigidSpendingSurge',
  'sharpIncomeDrop',
  'responsibleCadreId',
  'date',
] as const;

/** Starts identifying a monitoring object: the rules classify it and the risk clue is the first step. */
export function StartMonitoringDrawer({ onClose }: { onClose: (started: boolean) => void }) {
  const words = useWords(monitoringFormWords);
  const { locale } = useLocale();
  const today = useCountyToday();
  const [form] = Form.useForm<StartValues>();
  const create = useCreateForm({ form, mutation: StartMonitoringMutation, fields: startFields, onClose });
  function submit(values: StartValues) {
    create.save(
      {
        input: {
          householdId: values.householdId,
          year: values.year,
          riskKinds: values.riskKinds,
          riskNote: values.riskNote?.trim() || null,
          rigidSpendingSurge: values.rigidSpendingSurge,
          sharpIncomeDrop: values.sharpIncomeDrop,
          responsibleCadreId: values.responsibleCadreId ?? '',
          date: values.date || null,
        },
      },
      (data) => data?.startMonitoring,
    );
  }
  return (
    <CreateFormDrawer<StartValues>
      title={words.startMonitoring}
      width={560}
      create={create}
      onFinish={submit}
      initialValues={{
        year: Number(today.slice(0, 4)),
        rigidSpendingSurge: false,
        sharpIncomeDrop: false,
        date: today,
      }}
    >
      <Alert type="info" showIcon message={words.startHint} style={{ marginBottom: 16 }} />
      <RequiredItem label={words.fieldHousehold} name="householdId">
        <HouseholdSelect placeholder={words.householdPlaceholder} />
      </RequiredItem>
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldYear} name="year" extra={words.yearHint}>
            <InputNumber min={2013} max={2100} precision={0} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldClueOn} name="date">
            <DateInput max={today} />
          </Form.Item>
        </Col>
      </Row>
      <RequiredItem label={words.fieldRiskKinds} name="riskKinds">
        <Select mode="multiple" options={enumOptions('RiskKind', locale)} />
      </RequiredItem>
      <Form.Item label={words.fieldRiskNote} name="riskNote">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={words.fieldSpendingSurge} name="rigidSpendingSurge" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldIncomeDrop} name="sharpIncomeDrop" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <RequiredItem label={words.fieldCadre} name="responsibleCadreId">
        <CadreSelect placeholder={words.cadrePlaceholder} />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
