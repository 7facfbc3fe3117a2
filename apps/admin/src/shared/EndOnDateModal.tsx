import { useCountyToday } from '@gongjian/ui';
import { Form } from 'antd';
import type { ReactNode } from 'react';
import type { TypedDocumentNode } from 'urql';
import { type MutationOutcome, useCreateForm } from './CreateFormDrawer.tsx';
import { DateInput } from './DateInput.tsx';
import { FormModal } from './FormModal.tsx';

interface Values {
  endDate?: string;
}

/**
 * Ending something that stays on record (a pairing, a team membership): one optional end date, no later than the
 * county's today; left empty, the API ends it today.
 */
export function EndOnDateModal<Data>({
  title,
  dateLabel,
  cancelText,
  submitText,
  record,
  mutation,
  outcomeOf,
  onClose,
}: {
  title: ReactNode;
  dateLabel: string;
  cancelText: string;
  submitText: string;
  record: { id: string; version: number };
  mutation: TypedDocumentNode<Data, { input: { id: string; version: number; endDate: string | null } }>;
  outcomeOf: (data: Data | undefined) => MutationOutcome | null | undefined;
  onClose: (saved: boolean) => void;
}) {
  const today = useCountyToday();
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation, fields: ['endDate'], onClose });
  const submit = ({ endDate }: Values) =>
    create.save({ input: { id: record.id, version: record.version, endDate: endDate || null } }, outcomeOf);
  return (
    <FormModal
      title={title}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={create.fetching}
      cancelText={cancelText}
      submitText={submitText}
      failure={create.failure}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={dateLabel} name="endDate">
          <DateInput max={today} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
