import { graphql } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { Form, Input, Tag, Tooltip } from 'antd';
import { type CreateFormDrawerProps, useCreateForm } from '../shared/CreateFormDrawer.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { MutationFailure_error } from '../shared/failure.ts';
import { editWords } from './edit-words.ts';

const WithdrawMeeting = graphql.persisted(
  'admin/AdminWithdrawMeeting',
  graphql(
    `
  mutation AdminWithdrawMeeting($input: WithdrawMeetingInput!) {
    withdrawMeeting(input: $input) {
      __typename
      ... on MutationWithdrawMeetingSuccess { data { id version withdrawnOn viewerCanEdit viewerCanWithdraw } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const WithdrawResolution = graphql.persisted(
  'admin/AdminWithdrawResolution',
  graphql(
    `
  mutation AdminWithdrawResolution($input: WithdrawResolutionInput!) {
    withdrawResolution(input: $input) {
      __typename
      ... on MutationWithdrawResolutionSuccess { data { id version withdrawnOn viewerCanEdit viewerCanWithdraw } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const WithdrawPolicyDocument = graphql.persisted(
  'admin/AdminWithdrawPolicyDocument',
  graphql(
    `
  mutation AdminWithdrawPolicyDocument($input: WithdrawPolicyDocumentInput!) {
    withdrawPolicyDocument(input: $input) {
      __typename
      ... on MutationWithdrawPolicyDocumentSuccess { data { id version withdrawnOn viewerCanEdit viewerCanWithdraw } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface Values {
  reason: string;
}

interface Props {
  record: { id: string; version: number };
  onClose: (saved: boolean) => void;
}

function WithdrawForm({
  title,
  create,
  onFinish,
}: {
  title: string;
  create: CreateFormDrawerProps<Values>['create'];
  onFinish: (values: Values) => void;
}) {
  const words = useWords(editWords);
  return (
    <FormModal
      title={title}
      onClose={() => create.onClose(false)}
      onSubmit={() => create.form.submit()}
      submitting={create.fetching}
      cancelText={words.cancel}
      submitText={words.withdraw}
      failure={create.failure}
      failureTestId="withdraw-failure"
    >
      <Form<Values> form={create.form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={words.withdrawReason}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2 }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="withdraw-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 撤回一次会议: the meeting stays, marked 已撤回 with the day, the reason and who. */
export function WithdrawMeetingModal({ record, onClose }: Props) {
  const words = useWords(editWords);
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation: WithdrawMeeting, fields: ['reason'], onClose });
  const input = (values: Values) => ({
    input: { id: record.id, version: record.version, reason: values.reason },
  });
  return (
    <WithdrawForm
      title={words.withdrawTitle}
      create={create}
      onFinish={(values) => create.save(input(values), (data) => data?.withdrawMeeting)}
    />
  );
}

/** 撤回一项决议. */
export function WithdrawResolutionModal({ record, onClose }: Props) {
  const words = useWords(editWords);
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation: WithdrawResolution, fields: ['reason'], onClose });
  const input = (values: Values) => ({
    input: { id: record.id, version: record.version, reason: values.reason },
  });
  return (
    <WithdrawForm
      title={words.withdrawTitle}
      create={create}
      onFinish={(values) => create.save(input(values), (data) => data?.withdrawResolution)}
    />
  );
}

/** 撤回一份政策文件. */
export function WithdrawPolicyDocumentModal({ record, onClose }: Props) {
  const words = useWords(editWords);
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation: WithdrawPolicyDocument, fields: ['reason'], onClose });
  const input = (values: Values) => ({
    input: { id: record.id, version: record.version, reason: values.reason },
  });
  return (
    <WithdrawForm
      title={words.withdrawTitle}
      create={create}
      onFinish={(values) => create.save(input(values), (data) => data?.withdrawPolicyDocument)}
    />
  );
}

/** 已撤回, with the day, who and why on hover. */
export function WithdrawnTag({
  record,
}: {
  record: { withdrawnOn: string | null; withdrawnReason: string | null; withdrawnByName: string | null };
}) {
  const words = useWords(editWords);
  if (!record.withdrawnOn) return null;
  const detail = fill(words.withdrawnDetail, {
    date: record.withdrawnOn,
    who: record.withdrawnByName ?? '',
    reason: record.withdrawnReason ?? '',
  });
  return (
    <Tooltip title={detail}>
      <Tag color="default" data-testid="withdrawn-tag">
        {words.withdrawn} {record.withdrawnOn}
      </Tag>
    </Tooltip>
  );
}
