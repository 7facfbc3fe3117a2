import { Alert, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';

export interface FormDrawerProps {
  title: ReactNode;
  width: number;
  /** Closing the drawer and its cancel button. */
  onClose: () => void;
  /** The primary button: usually `form.submit()`. */
  onSubmit: () => void;
  submitting: boolean;
  cancelText: string;
  submitText: string;
  /** An error shown above the form. */
  failure?: string | null;
  failureTestId?: string;
  children: ReactNode;
}

/** A drawer holding one form, with cancel and submit at the top right and the last failure above the form. */
export function FormDrawer({
  title,
  width,
  onClose,
  onSubmit,
  submitting,
  cancelText,
  submitText,
  failure,
  failureTestId,
  children,
}: FormDrawerProps) {
  return (
    <Drawer
      open
      width={width}
      title={title}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{cancelText}</Button>
          <Button type="primary" loading={submitting} onClick={onSubmit}>
            {submitText}
          </Button>
        </Space>
      }
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
    </Drawer>
  );
}
