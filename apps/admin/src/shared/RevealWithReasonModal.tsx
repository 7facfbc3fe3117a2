import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';

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
