import { LoginForm, useWords } from '@gongjian/ui';
import { Alert, Modal } from 'antd';
import { sharedWords } from './words.ts';

/**
 * Over the page whose session expired: says so and signs in again, leaving the page (its address, its
 * forms and what was typed into them) as it was.
 */
export function SessionExpiredModal({ open, onSignedIn }: { open: boolean; onSignedIn: () => void }) {
  const words = useWords(sharedWords);
  return (
    <Modal
      open={open}
      title={words.sessionExpiredTitle}
      footer={null}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      data-testid="session-expired"
    >
      <Alert type="warning" showIcon message={words.sessionExpiredDetail} style={{ marginBottom: 16 }} />
      <LoginForm onSignedIn={onSignedIn} />
    </Modal>
  );
}
