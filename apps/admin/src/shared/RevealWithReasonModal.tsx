import { commonWords, describeQueryError, useLocale, useWords } from '@gongjian/ui';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type AnyVariables, type TypedDocumentNode, useMutation } from 'urql';
import { describeFailure, type MutationFailure } from './failure.ts';

type RevealOutcome =
  | { __typename: `${string}Success`; data: string }
  | (MutationFailure & { __typename: string });

/**
 * Runs a reveal mutation with the reason the modal asked for: hands the revealed value to `onRevealed` and
 * closes, or answers what went wrong (the transport error, or the error code in words).
 */
export function useRevealWithReason<Data, Variables extends AnyVariables>(options: {
  mutation: TypedDocumentNode<Data, Variables>;
  variablesOf: (reason: string) => Variables;
  outcomeOf: (data: Data | undefined) => RevealOutcome | null | undefined;
  onRevealed: (value: string) => void;
  onClose: () => void;
}) {
  const common = useWords(commonWords);
  const { locale } = useLocale();
  const [{ fetching }, reveal] = useMutation(options.mutation);
  async function onReveal(reason: string): Promise<string | undefined> {
    const result = await reveal(options.variablesOf(reason));
    if (result.error) return describeQueryError(result.error, locale);
    const outcome = options.outcomeOf(result.data);
    if (!outcome) return common.unexpectedError;
    if ('data' in outcome && outcome.__typename.endsWith('Success')) {
      options.onRevealed(outcome.data);
      options.onClose();
      return;
    }
    return describeFailure(outcome as MutationFailure, locale);
  }
  return { revealing: fetching, onReveal, onClose: options.onClose };
}

export interface RevealWithReasonModalProps {
  title: string;
  words: {
    reveal: string;
    cancel: string;
    revealReason: string;
    revealReasonRequired: string;
    revealReasonHint: string;
  };
  revealing: boolean;
  /** Runs the reveal with the trimmed reason; answers what went wrong, or nothing when it worked. */
  onReveal: (reason: string) => Promise<string | undefined>;
  onClose: () => void;
}

/** Asks why the full value is needed before showing it; the server logs each look with its reason. */
export function RevealWithReasonModal({
  title,
  words,
  revealing,
  onReveal,
  onClose,
}: RevealWithReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);

  async function submit({ reason }: { reason: string }) {
    setFailure(null);
    const failed = await onReveal(reason.trim());
    if (failed !== undefined) setFailure(failed);
  }

  return (
    <Modal
      open
      title={title}
      okText={words.reveal}
      cancelText={words.cancel}
      confirmLoading={revealing}
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
