import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Form, Input } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { VillageSelect } from '../../shared/pickers.tsx';
import { supervisionListWords } from '../list-words.ts';

const AppointMutation = graphql.persisted(
  'admin/AdminAppointVillageSupervisor',
  graphql(
    `
  mutation AdminAppointVillageSupervisor($input: AppointVillageSupervisorInput!) {
    appointVillageSupervisor(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface Values {
  villageId: string;
  name: string;
  phone?: string;
  appointedOn: string;
}

/** 聘任监督员: the serving supervisor of the village, if any, leaves that day. */
export function AppointSupervisorDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({
    form,
    mutation: AppointMutation,
    fields: ['villageId', 'name', 'phone', 'appointedOn'],
    onClose,
  });
  return (
    <CreateFormDrawer<Values>
      width={520}
      title={words.appoint}
      create={create}
      initialValues={{ appointedOn: today }}
      onFinish={(values) =>
        create.save(
          { input: { ...values, phone: values.phone?.trim() || null } },
          (data) => data?.appointVillageSupervisor,
        )
      }
    >
      <RequiredItem label={words.village} name="villageId">
        <VillageSelect />
      </RequiredItem>
      <RequiredItem label={words.name} name="name" whitespace>
        <Input maxLength={50} />
      </RequiredItem>
      <Form.Item label={words.phone} name="phone">
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <RequiredItem label={words.appointedOn} name="appointedOn">
        <DateInput max={today} />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
