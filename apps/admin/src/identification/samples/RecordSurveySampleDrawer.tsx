import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { Alert, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { HouseholdSelect, VillageSelect } from '../../shared/pickers.tsx';
import { sampleWords } from './words.ts';

const RecordSurveySampleMutation = graphql.persisted(
  'admin/AdminRecordSurveySample',
  graphql(
    `
    mutation AdminRecordSurveySample($input: RecordSurveySampleInput!) {
      recordSurveySample(input: $input) {
        __typename
        ... on MutationRecordSurveySampleSuccess {
          data {
            id
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

interface Values {
  villageId: string;
  year: number;
  kind: EnumValue<'SurveySampleKind'>;
  householdId?: string;
  respondentName?: string;
  persons?: number | null;
  wrongExit: boolean;
  missed: boolean;
  recognises: boolean;
  notes?: string;
  date: string;
}

const fields = [
  'villageId',
  'year',
  'kind',
  'householdId',
  'respondentName',
  'persons',
  'wrongExit',
  'missed',
  'recognises',
  'notes',
  'date',
] as const;

/** Records one survey sample; the kind says which finding it carries (错退 for exited, 漏评 for non-registered). */
export function RecordSurveySampleDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(sampleWords);
  const { locale } = useLocale();
  const today = useCountyToday();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const create = useCreateForm({ form, mutation: RecordSurveySampleMutation, fields, onClose });
  function submit(values: Values) {
    create.save(
      {
        input: {
          villageId: values.villageId,
          year: values.year,
          kind: values.kind,
          householdId: values.householdId || null,
          respondentName: values.respondentName?.trim() || null,
          persons: values.persons ?? null,
          wrongExit: values.kind === 'EXITED' ? values.wrongExit : null,
          missed: values.kind === 'NON_REGISTERED' ? values.missed : null,
          recognises: values.recognises,
          notes: values.notes?.trim() || null,
          date: values.date || null,
        },
      },
      (data) => data?.recordSurveySample,
    );
  }
  return (
    <CreateFormDrawer<Values>
      title={words.recordSample}
      width={560}
      create={create}
      onFinish={submit}
      initialValues={{ wrongExit: false, missed: false, recognises: true, date: today }}
    >
      <Alert type="info" showIcon message={words.sampleHint} style={{ marginBottom: 16 }} />
      <RequiredItem label={words.fieldVillage} name="villageId">
        <VillageSelect placeholder={words.villagePlaceholder} />
      </RequiredItem>
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldYear} name="year">
            <InputNumber min={2014} max={2100} precision={0} style={{ width: '100%' }} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <RequiredItem label={words.fieldKind} name="kind">
            <Select options={enumOptions('SurveySampleKind', locale)} />
          </RequiredItem>
        </Col>
      </Row>
      {kind !== 'NON_REGISTERED' && (
        <Form.Item label={words.fieldHousehold} name="householdId">
          <HouseholdSelect placeholder={words.householdPlaceholder} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={words.fieldRespondent} name="respondentName">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldPersons} name="persons">
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {kind === 'EXITED' && (
          <Col span={12}>
            <Form.Item label={words.fieldWrongExit} name="wrongExit" valuePropName="checked">
              <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
            </Form.Item>
          </Col>
        )}
        {kind === 'NON_REGISTERED' && (
          <Col span={12}>
            <Form.Item label={words.fieldMissed} name="missed" valuePropName="checked">
              <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item label={words.fieldRecognises} name="recognises" valuePropName="checked">
            <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldDate} name="date">
            <DateInput max={today} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={words.fieldNotes} name="notes">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </CreateFormDrawer>
  );
}
