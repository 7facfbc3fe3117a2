import { Modal } from 'antd';
import { FormFailure, type FormFrameProps } from './FormDrawer.tsx';

export type FormModalProps = FormFrameProps;

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
      <FormFailure failure={failure} testId={failureTestId} />
      {children}
    </Modal>
  );
}
