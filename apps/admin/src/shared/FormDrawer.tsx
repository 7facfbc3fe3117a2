import { Alert, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';

/** What a drawer or modal holding one form shows and does. */
export interface FormFrameProps {
  title: ReactNode;
  /** Closing the frame and its cancel button. */
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

export interface FormDrawerProps extends FormFrameProps {
  width: number;
}

/** The last failure of a form, above its fields. */
export function FormFailure({ failure, testId }: { failure?: string | null; testId?: string }) {
  if (!failure) return null;
  return <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid={testId} />;
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
      <FormFailure failure={failure} testId={failureTestId} />
      {children}
    </Drawer>
  );
}
