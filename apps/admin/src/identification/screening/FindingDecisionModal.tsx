import { graphql } from '@gongjian/schema';
import { commonWords, describeQueryError, fill, useLocale, useWords } from '@gongjian/ui';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { screeningWords } from './words.ts';

const ConfirmMutation = graphql.persisted(
  'admin/AdminConfirmExclusionFinding',
  graphql(
    `
    mutation AdminConfirmExclusionFinding($input: DecideExclusionFindingInput!) {
      confirmExclusionFinding(input: $input) {
        __typename
        ... on MutationConfirmExclusionFindingSuccess {
          data {
            id
            state
            version
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const DismissMutation = graphql.persisted(
  'admin/AdminDismissExclusionFinding',
  graphql(
    `
    mutation AdminDismissExclusionFinding($input: DecideExclusionFindingInput!) {
      dismissExclusionFinding(input: $input) {
        __typename
        ... on MutationDismissExclusionFindingSuccess {
          data {
            id
            state
            version
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

export interface FindingDecisionModalProps {
  decision: 'confirm' | 'dismiss';
  finding: { id: string; version: number; ruleLabel: string; headName: string };
  defaultYear: number;
  onDone: () => void;
  onClose: () => void;
}

/** Confirming starts a removal application (错评剔除) in the same transaction; dismissing needs a reason. */
export function FindingDecisionModal({
  decision,
  finding,
  defaultYear,
  onDone,
  onClose,
}: FindingDecisionModalProps) {
  const words = useWords(screeningWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; year: number }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmMutation);
  const [{ fetching: dismissing }, dismiss] = useMutation(DismissMutation);

  async function submit(values: { reason: string; year: number }) {
    setFailure(null);
    const input = {
      id: finding.id,
      version: finding.version,
      reason: values.reason.trim(),
      year: decision === 'confirm' ? values.year : null,
    };
    const result = decision === 'confirm' ? await confirm({ input }) : await dismiss({ input });
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    const data = result.data;
    const outcome =
      data && 'confirmExclusionFinding' in data
        ? data.confirmExclusionFinding
        : data && 'dismissExclusionFinding' in data
          ? data.dismissExclusionFinding
          : null;
    if (!outcome) return setFailure(commonWords[locale].unexpectedError);
    if (
      outcome.__typename === 'MutationConfirmExclusionFindingSuccess' ||
      outcome.__typename === 'MutationDismissExclusionFindingSuccess'
    ) {
      message.success(decision === 'confirm' ? words.confirmed : words.dismissed);
      onDone();
      return onClose();
    }
    setFailure(describeFailure(outcome, locale));
  }

  return (
    <Modal
      open
      title={fill(decision === 'confirm' ? words.confirmTitle : words.dismissTitle, {
        rule: finding.ruleLabel,
        head: finding.headName,
      })}
      okText={decision === 'confirm' ? words.confirm : words.dismiss}
      cancelText={words.cancel}
      okButtonProps={{ danger: decision === 'confirm' }}
      confirmLoading={confirming || dismissing}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {decision === 'confirm' && (
        <Alert type="warning" showIcon message={words.confirmHint} style={{ marginBottom: 12 }} />
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: defaultYear }}>
        {decision === 'confirm' && (
          <Form.Item label={words.year} name="year" rules={[{ required: true, message: words.required }]}>
            <InputNumber min={2014} max={2100} precision={0} />
          </Form.Item>
        )}
        <Form.Item
          label={decision === 'confirm' ? words.confirmReason : words.dismissReason}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: words.reasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
