import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { App, Form, Input } from 'antd';
import { useMutation } from 'urql';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitInRegionSelect } from '../../shared/pickers.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { supervisionWords } from '../words.ts';

export const ReportStepModal_report = graphql(`
  fragment ReportStepModal_report on Report {
    id
    version
    subject
    region {
      id
    }
  }
`);

const AssignMutation = graphql.persisted(
  'admin/AdminAssignReport',
  graphql(
    `
  mutation AdminAssignReport($input: AssignReportInput!) {
    assignReport(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);
const HandleMutation = graphql.persisted(
  'admin/AdminRecordReportHandling',
  graphql(
    `
  mutation AdminRecordReportHandling($input: RecordReportHandlingInput!) {
    recordReportHandling(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);
const ReplyMutation = graphql.persisted(
  'admin/AdminReplyToReport',
  graphql(
    `
  mutation AdminReplyToReport($input: ReplyToReportInput!) {
    replyToReport(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export type ReportStep = 'assign' | 'handle' | 'reply';

interface Values {
  unitId?: string;
  text?: string;
}

/** 交办 (to a unit covering the report's region), 登记办理结果 or 答复: one step of the report, at its version. */
export function ReportStepModal({
  step,
  report: reportRef,
  onClose,
}: {
  step: ReportStep;
  report: FragmentOf<typeof ReportStepModal_report>;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(supervisionWords);
  const { message } = App.useApp();
  const report = readFragment(ReportStepModal_report, reportRef);
  const [form] = Form.useForm<Values>();
  const { failure, settle } = useMutationForm<Values>({ form, fields: ['unitId', 'text'] });
  const [assigned, assign] = useMutation(AssignMutation);
  const [handled, handle] = useMutation(HandleMutation);
  const [replied, reply] = useMutation(ReplyMutation);
  async function submit(values: Values) {
    const base = { id: report.id, version: report.version };
    let saved: unknown = null;
    if (step === 'assign') {
      const r = await assign({ input: { ...base, unitId: values.unitId ?? '' } });
      saved = settle(r, r.data?.assignReport);
    } else if (step === 'handle') {
      const r = await handle({ input: { ...base, text: values.text ?? '' } });
      saved = settle(r, r.data?.recordReportHandling);
    } else {
      const r = await reply({ input: { ...base, text: values.text ?? '' } });
      saved = settle(r, r.data?.replyToReport);
    }
    if (saved === null) return;
    message.success(words.saved);
    onClose(true);
  }
  const title = { assign: words.assign, handle: words.handle, reply: words.reply }[step];
  const required = [{ required: true, whitespace: true, message: words.required }];
  return (
    <FormModal
      title={`${title}：${report.subject}`}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={assigned.fetching || handled.fetching || replied.fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
      failureTestId="report-step-failure"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {step === 'assign' ? (
          <Form.Item label={words.fieldUnit} name="unitId" rules={required}>
            <UnitInRegionSelect id="report-assign-unit" regionId={null} />
          </Form.Item>
        ) : (
          <Form.Item
            label={step === 'handle' ? words.fieldHandling : words.fieldReply}
            name="text"
            rules={required}
          >
            <Input.TextArea id="report-step-text" rows={4} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
