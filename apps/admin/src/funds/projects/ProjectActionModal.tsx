import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { App, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from 'urql';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { fundsWords } from '../words.ts';

export const ProjectActionModal_project = graphql(`
  fragment ProjectActionModal_project on Project {
    id
    version
    name
    viewerNextStates
  }
`);

const OpenSourcesQuery = graphql.persisted(
  'admin/AdminOpenFundSources',
  graphql(`
  query AdminOpenFundSources {
    fundSources(first: 100) {
      edges {
        node {
          id
          name
          fromYear
          toYear
          remainingWanYuan
          viewerCanAllocate
        }
      }
    }
  }
`),
);

const AdvanceProjectMutation = graphql.persisted(
  'admin/AdminAdvanceProject',
  graphql(
    `
  mutation AdminAdvanceProject($input: AdvanceProjectInput!) {
    advanceProject(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const AllocateFundsMutation = graphql.persisted(
  'admin/AdminAllocateFunds',
  graphql(
    `
  mutation AdminAllocateFunds($input: AllocateFundsInput!) {
    allocateFunds(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const RecordDisbursementMutation = graphql.persisted(
  'admin/AdminRecordDisbursement',
  graphql(
    `
  mutation AdminRecordDisbursement($input: RecordDisbursementInput!) {
    recordDisbursement(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export type Action = {
  kind: 'advance' | 'allocate' | 'disburse';
  project: FragmentOf<typeof ProjectActionModal_project>;
};

interface ActionValues {
  to?: string;
  notes?: string;
  sourceId?: string;
  amountWanYuan?: string;
}

/** The project's writes: its next lifecycle step, an allocation from a source, a payment. */
export function ProjectActionModal({
  action,
  onClose,
}: {
  action: Action;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(fundsWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const { failure, settle } = useMutationForm();
  const [sources] = useQuery({ query: OpenSourcesQuery, pause: action.kind !== 'allocate' });
  const [advanced, advance] = useMutation(AdvanceProjectMutation);
  const [allocated, allocate] = useMutation(AllocateFundsMutation);
  const [paid, pay] = useMutation(RecordDisbursementMutation);
  const project = readFragment(ProjectActionModal_project, action.project);
  async function submit(values: ActionValues) {
    const amountWanYuan = values.amountWanYuan?.trim() ?? '';
    let saved = false;
    if (action.kind === 'advance') {
      const r = await advance({
        input: {
          id: project.id,
          version: project.version,
          to: values.to as never,
          notes: values.notes || null,
        },
      });
      saved = settle(r, r.data?.advanceProject) !== null;
    } else if (action.kind === 'allocate') {
      const r = await allocate({
        input: { sourceId: values.sourceId ?? '', projectId: project.id, amountWanYuan },
      });
      saved = settle(r, r.data?.allocateFunds) !== null;
    } else {
      const r = await pay({ input: { projectId: project.id, amountWanYuan } });
      saved = settle(r, r.data?.recordDisbursement) !== null;
    }
    if (!saved) return;
    message.success(words.saved);
    onClose(true);
  }
  const required = [{ required: true, whitespace: true, message: words.required }];
  const title = { advance: words.advance, allocate: words.allocate, disburse: words.disburse }[action.kind];
  const openSources = (sources.data?.fundSources.edges ?? [])
    .map((edge) => edge.node)
    .filter((s) => s.viewerCanAllocate)
    .map((s) => ({
      value: s.id,
      label: `${s.name}（${s.fromYear}–${s.toYear}，余 ${s.remainingWanYuan} 万元）`,
    }));
  return (
    <FormModal
      title={`${title}：${project.name}`}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={advanced.fetching || allocated.fetching || paid.fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
      failureTestId="project-action-failure"
    >
      <Form<ActionValues> form={form} layout="vertical" onFinish={submit}>
        {action.kind === 'advance' ? (
          <>
            <Form.Item
              label={words.advanceTo}
              name="to"
              rules={[{ required: true, message: words.required }]}
            >
              <Select
                options={project.viewerNextStates.map((state) => ({
                  value: state,
                  label: enumLabel('ProjectState', state, locale),
                }))}
              />
            </Form.Item>
            <Form.Item label={words.fieldNotes} name="notes">
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : (
          <>
            {action.kind === 'allocate' && (
              <Form.Item
                label={words.fieldSource}
                name="sourceId"
                rules={[{ required: true, message: words.required }]}
              >
                <Select loading={sources.fetching} options={openSources} />
              </Form.Item>
            )}
            <Form.Item label={words.fieldAmountWanYuan} name="amountWanYuan" rules={required}>
              <Input inputMode="decimal" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
