import { graphql } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { App, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from 'urql';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { fundsWords } from '../words.ts';

const PeriodSourcesQuery = graphql.persisted(
  'admin/AdminPeriodFundSources',
  graphql(`
  query AdminPeriodFundSources($fromYear: Int!, $toYear: Int!) {
    fundSources(fromYear: $fromYear, toYear: $toYear, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`),
);

const CreateFundSourceMutation = graphql.persisted(
  'admin/AdminCreateFundSource',
  graphql(
    `
  mutation AdminCreateFundSource($input: CreateFundSourceInput!) {
    createFundSource(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const DeclareFundOverlapMutation = graphql.persisted(
  'admin/AdminDeclareFundOverlap',
  graphql(
    `
  mutation AdminDeclareFundOverlap($input: DeclareFundOverlapInput!) {
    declareFundOverlap(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const RecordReportedTotalMutation = graphql.persisted(
  'admin/AdminRecordReportedTotal',
  graphql(
    `
  mutation AdminRecordReportedTotal($input: RecordReportedTotalInput!) {
    recordReportedTotal(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export type Dialog = 'source' | 'overlap' | 'total' | null;

interface DialogValues {
  category?: string;
  name?: string;
  amountWanYuan?: string;
  containerId?: string;
  containedId?: string;
  reportedIn?: string;
}

/** One dialog per write of the page: a source, an overlap between two of the period's sources, a reported total. */
export function FundDialog({
  dialog,
  years,
  onClose,
}: {
  dialog: Exclude<Dialog, null>;
  years: { fromYear: number; toYear: number };
  onClose: (saved: boolean) => void;
}) {
  const [period] = useQuery({ query: PeriodSourcesQuery, variables: years, pause: dialog !== 'overlap' });
  const sources = period.data?.fundSources.edges.map((edge) => edge.node) ?? [];
  const words = useWords(fundsWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<DialogValues>();
  const { failure, settle } = useMutationForm();
  const [source, createSource] = useMutation(CreateFundSourceMutation);
  const [overlap, declareOverlap] = useMutation(DeclareFundOverlapMutation);
  const [total, recordTotal] = useMutation(RecordReportedTotalMutation);
  async function submit(values: DialogValues) {
    const amountWanYuan = values.amountWanYuan?.trim() ?? '';
    let saved = false;
    if (dialog === 'source') {
      const r = await createSource({
        input: { category: values.category as never, name: values.name ?? '', ...years, amountWanYuan },
      });
      saved = settle(r, r.data?.createFundSource) !== null;
    } else if (dialog === 'overlap') {
      const r = await declareOverlap({
        input: {
          containerId: values.containerId ?? '',
          containedId: values.containedId ?? '',
          amountWanYuan,
        },
      });
      saved = settle(r, r.data?.declareFundOverlap) !== null;
    } else {
      const r = await recordTotal({
        input: { ...years, amountWanYuan, reportedIn: values.reportedIn ?? '' },
      });
      saved = settle(r, r.data?.recordReportedTotal) !== null;
    }
    if (!saved) return;
    message.success(words.saved);
    onClose(true);
  }
  const required = [{ required: true, whitespace: true, message: words.required }];
  const sourceOptions = sources.map((s) => ({ value: s.id, label: s.name }));
  const title = { source: words.createSource, overlap: words.declareOverlap, total: words.recordTotal }[
    dialog
  ];
  return (
    <FormModal
      title={`${title}（${years.fromYear}–${years.toYear}）`}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={source.fetching || overlap.fetching || total.fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
      failureTestId="fund-dialog-failure"
    >
      <Form<DialogValues> form={form} layout="vertical" onFinish={submit}>
        {dialog === 'source' && (
          <>
            <Form.Item
              label={words.fieldCategory}
              name="category"
              rules={[{ required: true, message: words.required }]}
            >
              <Select options={enumOptions('FundSourceCategory', locale)} />
            </Form.Item>
            <Form.Item label={words.fieldName} name="name" rules={required}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        {dialog === 'overlap' && (
          <>
            <Form.Item
              label={words.fieldContainer}
              name="containerId"
              rules={[{ required: true, message: words.required }]}
            >
              <Select options={sourceOptions} />
            </Form.Item>
            <Form.Item
              label={words.fieldContained}
              name="containedId"
              rules={[{ required: true, message: words.required }]}
            >
              <Select options={sourceOptions} />
            </Form.Item>
          </>
        )}
        {dialog === 'total' && (
          <Form.Item label={words.fieldReportedIn} name="reportedIn" rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item label={words.fieldAmountWanYuan} name="amountWanYuan" rules={required}>
          <Input inputMode="decimal" data-testid="amount-wan-yuan" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
