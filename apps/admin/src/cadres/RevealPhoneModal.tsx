import { graphql } from '@gongjian/schema';
import { commonWords, describeQueryError, enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { adminWords } from '../words.ts';

const RevealCadrePhoneMutation = graphql(`
  mutation AdminRevealCadrePhone($input: RevealCadrePhoneInput!) {
    revealCadrePhone(input: $input) {
      __typename
      ... on MutationRevealCadrePhoneSuccess {
        data
      }
      ... on Error {
        code
      }
    }
  }
`);

export interface RevealPhoneModalProps {
  cadre: { id: string; name: string };
  onRevealed: (phone: string) => void;
  onClose: () => void;
}

/** Asks why the full number is needed; the server logs the reason with the look. */
export function RevealPhoneModal({ cadre, onRevealed, onClose }: RevealPhoneModalProps) {
  const words = useWords(adminWords);
  const common = useWords(commonWords);
  const { locale } = useLocale();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, reveal] = useMutation(RevealCadrePhoneMutation);

  async function submit({ reason }: { reason: string }) {
    setFailure(null);
    const result = await reveal({ input: { id: cadre.id, reason: reason.trim() } });
    const outcome = result.data?.revealCadrePhone;
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    if (!outcome) return setFailure(common.unexpectedError);
    if (outcome.__typename === 'MutationRevealCadrePhoneSuccess') {
      onRevealed(outcome.data);
      onClose();
      return;
    }
    setFailure(enumLabel('ErrorCode', outcome.code, locale));
  }

  return (
    <Modal
      open
      title={fill(words.revealTitle, { name: cadre.name })}
      okText={words.reveal}
      cancelText={words.cancel}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={words.revealReason}
          name="reason"
          rules={[{ required: true, whitespace: true, message: words.revealReasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={words.revealReasonHint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
