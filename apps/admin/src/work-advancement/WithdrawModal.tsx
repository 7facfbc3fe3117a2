import { graphql } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { Button, Form, Input, Tag, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import type { TypedDocumentNode } from 'urql';
import { type MutationOutcome, useCreateForm } from '../shared/CreateFormDrawer.tsx';
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

/** The reason form every withdrawal shares; `outcomeOf` picks the mutation's result from its data. */
function WithdrawModal<Data>({
  record,
  onClose,
  mutation,
  outcomeOf,
}: Props & {
  mutation: TypedDocumentNode<Data, { input: { id: string; version: number; reason: string } }>;
  outcomeOf: (data: Data | undefined) => MutationOutcome | null | undefined;
}) {
  const words = useWords(editWords);
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({ form, mutation, fields: ['reason'], onClose });
  const submit = ({ reason }: Values) =>
    create.save({ input: { id: record.id, version: record.version, reason } }, outcomeOf);
  return (
    <FormModal
      title={words.withdrawTitle}
      onClose={() => create.onClose(false)}
      onSubmit={() => create.form.submit()}
      submitting={create.fetching}
      cancelText={words.cancel}
      submitText={words.withdraw}
      failure={create.failure}
      failureTestId="withdraw-failure"
    >
      <Form<Values> form={create.form} layout="vertical" onFinish={submit}>
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
export function WithdrawMeetingModal(props: Props) {
  return <WithdrawModal {...props} mutation={WithdrawMeeting} outcomeOf={(data) => data?.withdrawMeeting} />;
}

/** 撤回一项决议. */
export function WithdrawResolutionModal(props: Props) {
  return (
    <WithdrawModal {...props} mutation={WithdrawResolution} outcomeOf={(data) => data?.withdrawResolution} />
  );
}

/** 撤回一份政策文件. */
export function WithdrawPolicyDocumentModal(props: Props) {
  return (
    <WithdrawModal
      {...props}
      mutation={WithdrawPolicyDocument}
      outcomeOf={(data) => data?.withdrawPolicyDocument}
    />
  );
}

/** A list's withdraw button (shown when the row's `viewerCanWithdraw`) and its dialog; the list refreshes after. */
export function useWithdrawal(Modal: (props: Props) => ReactNode, refresh: () => void) {
  const words = useWords(editWords);
  const [withdrawing, setWithdrawing] = useState<Props['record'] | null>(null);
  const button = (record: Props['record'] & { viewerCanWithdraw: boolean }, testId?: string) =>
    record.viewerCanWithdraw && (
      <Button type="link" size="small" danger onClick={() => setWithdrawing(record)} data-testid={testId}>
        {words.withdraw}
      </Button>
    );
  const modal = withdrawing && (
    <Modal
      record={withdrawing}
      onClose={(saved) => {
        setWithdrawing(null);
        if (saved) refresh();
      }}
    />
  );
  return { button, modal };
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
