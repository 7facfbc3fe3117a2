import { type EnumValue, graphql } from '@gongjian/schema';
import {
  commonWords,
  describeQueryError,
  enumLabel,
  fill,
  QueryErrorAlert,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, App, Form, Input, Modal, Select, Spin } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { ApplicationAdvice_advice, ApplicationAdviceView } from './ApplicationAdvice.tsx';
import { applicationWords } from './words.ts';

const AdviceQuery = graphql.persisted(
  'admin/AdminApplicationAdvice',
  graphql(
    `
    query AdminApplicationAdvice($id: ID!, $kind: ApplicationKind!, $year: Int!, $date: Date) {
      household(id: $id) {
        id
        applicationAdvice(kind: $kind, year: $year, date: $date) {
          rulesAdvice
          ...ApplicationAdvice_advice
        }
      }
    }
  `,
    [ApplicationAdvice_advice],
  ),
);

const StartMutation = graphql.persisted(
  'admin/AdminStartApplication',
  graphql(
    `
    mutation AdminStartApplication($input: StartApplicationInput!) {
      startApplication(input: $input) {
        __typename
        ... on MutationStartApplicationSuccess {
          data {
            id
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

type Kind = EnumValue<'ApplicationKind'>;

interface StartValues {
  kind: Kind;
  year: number;
  date: string;
  reason: string;
  againstAdviceReason?: string;
}

export interface StartApplicationModalProps {
  household: { id: string; householdNumber: string; headName: string };
  kinds: ReadonlyArray<Kind>;
  /** Years with both an income record and a guarantee check: the rules can only judge those. */
  years: ReadonlyArray<number>;
  onStarted: () => void;
  onClose: () => void;
}

/**
 * A village clerk starts a status change: the rules' advice and explanation first, as the API computes
 * and will store them for the chosen kind, year and date, then the reasons.
 */
export function StartApplicationModal({
  household,
  kinds,
  years,
  onStarted,
  onClose,
}: StartApplicationModalProps) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<StartValues>();
  const kind = Form.useWatch('kind', form);
  const year = Form.useWatch('year', form);
  const date = Form.useWatch('date', form);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching: starting }, start] = useMutation(StartMutation);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AdviceQuery,
    variables: { id: household.id, kind: kind ?? 'IDENTIFY', year: year ?? 0, date: date || null },
    pause: !kind || !year,
  });
  // While the kind, year or date changes, the previous advice is not shown: it would be for other arguments.
  const advice = fetching ? null : (data?.household?.applicationAdvice ?? null);
  const opposes = advice?.rulesAdvice === 'OPPOSES';
  const today = useCountyToday();

  async function submit(values: StartValues) {
    setFailure(null);
    const result = await start({
      input: {
        householdId: household.id,
        kind: values.kind,
        year: values.year,
        date: values.date || null,
        reason: values.reason.trim(),
        againstAdviceReason: opposes ? values.againstAdviceReason?.trim() || null : null,
      },
    });
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.startApplication;
    if (!outcome) return setFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationStartApplicationSuccess') {
      message.success(words.started);
      onStarted();
      return onClose();
    }
    setFailure(describeFailure(outcome, locale));
  }

  return (
    <Modal
      open
      width={760}
      title={fill(words.startTitle, { number: household.householdNumber, head: household.headName })}
      okText={words.start}
      cancelText={words.cancel}
      confirmLoading={starting}
      okButtonProps={{ disabled: !advice }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 12 }}
          data-testid="start-refused"
        />
      )}
      {years.length === 0 && (
        <Alert type="warning" showIcon message={words.noFactYears} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: years[0], date: today, kind: kinds.length === 1 ? kinds[0] : undefined }}
      >
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            label={words.kind}
            name="kind"
            rules={[{ required: true, message: words.required }]}
            style={{ flex: 1 }}
          >
            <Select
              id="application-kind"
              options={kinds.map((value) => ({ value, label: enumLabel('ApplicationKind', value, locale) }))}
            />
          </Form.Item>
          <Form.Item label={words.year} name="year" rules={[{ required: true, message: words.required }]}>
            <Select
              id="application-year"
              style={{ width: 110 }}
              options={years.map((value) => ({ value, label: value }))}
            />
          </Form.Item>
          <Form.Item
            label={words.startedOn}
            name="date"
            rules={[{ required: true, message: words.required }]}
          >
            <DateInput id="application-date" max={today} style={{ width: 160 }} />
          </Form.Item>
        </div>
        {error && (
          <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
        {fetching && <Spin size="small" />}
        {kind && year && !fetching && !error && data && !advice && (
          <Alert
            type="warning"
            showIcon
            message={fill(words.noAssessment, { year })}
            style={{ marginBottom: 12 }}
          />
        )}
        {advice && <ApplicationAdviceView advice={advice} />}
        <Form.Item
          label={words.reason}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: words.required }]}
        >
          <Input.TextArea id="application-reason" rows={2} maxLength={500} />
        </Form.Item>
        {opposes && (
          <Form.Item
            label={words.againstAdviceReason}
            name="againstAdviceReason"
            rules={[{ required: true, whitespace: true, min: 2, message: words.againstAdviceRequired }]}
          >
            <Input.TextArea id="application-against-advice" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
