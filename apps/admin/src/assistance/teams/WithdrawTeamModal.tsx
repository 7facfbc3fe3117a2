import { graphql } from '@gongjian/schema';
import { fill, useCountyToday, useWords } from '@gongjian/ui';
import { App, Checkbox, Form, Input } from 'antd';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { assistanceWords } from '../words.ts';
import type { TeamRow } from './team.ts';

const WithdrawWorkTeamMutation = graphql.persisted(
  'admin/AdminWithdrawWorkTeam',
  graphql(
    `
    mutation AdminWithdrawWorkTeam($input: WithdrawWorkTeamInput!) {
      withdrawWorkTeam(input: $input) {
        __typename
        ... on MutationWithdrawWorkTeamSuccess {
          data {
            id
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

interface WithdrawValues {
  reason: string;
  endDate?: string;
  endTogether: boolean;
}

/** 撤销工作队: the reason, the day, and whether serving members and their pairings end with it; a refusal shows the rule. */
export function WithdrawTeamModal({ team, onClose }: { team: TeamRow; onClose: (saved: boolean) => void }) {
  const words = useWords(assistanceWords);
  const { message } = App.useApp();
  const today = useCountyToday();
  const [form] = Form.useForm<WithdrawValues>();
  const { failure, settle } = useMutationForm<WithdrawValues>({ form, fields: ['reason', 'endDate'] });
  const [{ fetching }, withdraw] = useMutation(WithdrawWorkTeamMutation);
  const serving = team.members.filter((m) => m.endDate === null).length;
  return (
    <FormModal
      title={`${words.withdrawTeam}：${team.village.name}`}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.withdrawTeam}
      failure={failure}
      failureTestId="withdraw-team-failure"
    >
      <Form<WithdrawValues>
        form={form}
        layout="vertical"
        initialValues={{ endTogether: false }}
        onFinish={async (values) => {
          const result = await withdraw({
            input: {
              id: team.id,
              version: team.version,
              reason: values.reason ?? '',
              endDate: values.endDate || null,
              endTogether: values.endTogether,
            },
          });
          if (!settle(result, result.data?.withdrawWorkTeam)) return;
          message.success(words.saved);
          onClose(true);
        }}
      >
        <RequiredItem label={words.fieldWithdrawReason} name="reason">
          <Input.TextArea rows={2} maxLength={200} data-testid="withdraw-reason" />
        </RequiredItem>
        <Form.Item label={words.fieldEndDate} name="endDate">
          <DateInput max={today} />
        </Form.Item>
        <Form.Item name="endTogether" valuePropName="checked">
          <Checkbox data-testid="withdraw-end-together">
            {fill(words.withdrawEndTogether, { count: serving })}
          </Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
