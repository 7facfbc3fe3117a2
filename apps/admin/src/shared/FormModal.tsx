import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

export interface FormModalProps {
  title: ReactNode;
  onClose: () => void;
  /** The OK button: usually `form.submit()`. */
  onSubmit: () => void;
  submitting: boolean;
  cancelText: string;
  submitText: string;
  /** An error shown above the form. */
  failure?: string | null;
  failureTestId?: string;
  children: ReactNode;
}

/** A modal holding one form, with the last failure above it. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  submitting,
  cancelText,
  submitText,
  failure,
  failureTestId,
  children,
}: FormModalProps) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={onSubmit}
      okText={submitText}
      cancelText={cancelText}
      confirmLoading={submitting}
      destroyOnHidden
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 16 }}
          data-testid={failureTestId}
        />
      )}
      {children}
    </Modal>
  );
}
