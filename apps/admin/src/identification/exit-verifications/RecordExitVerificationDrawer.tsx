import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Alert, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { HouseholdSelect } from '../../shared/pickers.tsx';
import { exitVerificationWords } from './words.ts';

const RecordExitVerificationMutation = graphql.persisted(
  'admin/AdminRecordExitVerification',
  graphql(
    `
    mutation AdminRecordExitVerification($input: RecordExitVerificationInput!) {
      recordExitVerification(input: $input) {
        __typename
        ... on MutationRecordExitVerificationSuccess {
          data {
            id
            outcome
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
  householdId: string;
  year: number;
  procedureFollowed: boolean;
  householdAgreed: boolean;
  findings?: string;
  date: string;
}

const fields = ['householdId', 'year', 'procedureFollowed', 'householdAgreed', 'findings', 'date'] as const;

/** Records one exit verification; the rules re-check the exit standard and give the outcome. */
export function RecordExitVerificationDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(exitVerificationWords);
  const today = useCountyToday();
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation: RecordExitVerificationMutation, fields, onClose });
  function submit(values: Values) {
    create.save(
      {
        input: {
          householdId: values.householdId,
          year: values.year,
          procedureFollowed: values.procedureFollowed,
          householdAgreed: values.householdAgreed,
          findings: values.findings?.trim() || null,
          date: values.date || null,
        },
      },
      (data) => data?.recordExitVerification,
    );
  }
  return (
    <CreateFormDrawer<Values>
      title={words.record}
      width={520}
      create={create}
      onFinish={submit}
      initialValues={{ procedureFollowed: true, householdAgreed: true, date: today }}
    >
      <Alert type="info" showIcon message={words.recordHint} style={{ marginBottom: 16 }} />
      <RequiredItem label={words.fieldHousehold} name="householdId">
        <HouseholdSelect placeholder={words.householdPlaceholder} />
      </RequiredItem>
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldYear} name="year">
            <InputNumber min={2014} max={2100} precision={0} style={{ width: '100%' }} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldDate} name="date">
            <DateInput max={today} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldProcedure} name="procedureFollowed" valuePropName="checked">
            <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldAgreed} name="householdAgreed" valuePropName="checked">
            <Switch checkedChildren={words.yes} unCheckedChildren={words.no} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={words.fieldFindings} name="findings">
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </CreateFormDrawer>
  );
}
