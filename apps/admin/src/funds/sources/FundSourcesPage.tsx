import { graphql } from '@gongjian/schema';
import { EmptyState, enumLabel, enumOptions, fill, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { fundsWords } from '../words.ts';

const FundSourcesQuery = graphql.persisted(
  'admin/AdminFundSources',
  graphql(
    `
  query AdminFundSources($fromYear: Int!, $toYear: Int!) {
    fundSources(fromYear: $fromYear, toYear: $toYear, first: 100) {
      edges {
        node {
          id
          category
          name
          fromYear
          toYear
          amountWanYuan
          allocatedWanYuan
          remainingWanYuan
          includes {
            amountWanYuan
            contained {
              name
            }
          }
        }
      }
    }
    fundReconciliation(fromYear: $fromYear, toYear: $toYear) {
      grossWanYuan
      overlapWanYuan
      netWanYuan
      warning
      overlapChecks {
        passed
        ...RuleReasons_reason
      }
      readings {
        reportedIn
        reportedTotalWanYuan
        grossDifferenceWanYuan
        netDifferenceWanYuan
        severity
        explanation {
          ...RuleReasons_reason
        }
      }
    }
  }
`,
    [RuleReasons_reason],
  ),
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

type Dialog = 'source' | 'overlap' | 'total' | null;

interface DialogValues {
  category?: string;
  name?: string;
  amountWanYuan?: string;
  containerId?: string;
  containedId?: string;
  reportedIn?: string;
}

/** One dialog per write of the page: a source, an overlap between two of the period's sources, a reported total. */
function FundDialog({
  dialog,
  years,
  sources,
  onClose,
}: {
  dialog: Exclude<Dialog, null>;
  years: { fromYear: number; toYear: number };
  sources: { id: string; name: string }[];
  onClose: (saved: boolean) => void;
}) {
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

/** 资金来源与对账: the sources of a run of years with their overlaps, and the live reconciliation beside them. */
const route = getRouteApi('/funds/sources');

export function FundSourcesPage() {
  const words = useWords(fundsWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const url = route.useSearch();
  const navigate = route.useNavigate();
  const years = { fromYear: url.fromYear ?? 2014, toYear: url.toYear ?? 2018 };
  const [draft, setDraft] = useState(years);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: FundSourcesQuery, variables: years });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const sources = data?.fundSources.edges.map((edge) => edge.node) ?? [];
  const reconciliation = data?.fundReconciliation;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={pageWords.pageFundSources}>
        <div className="gj-page-toolbar">
          <InputNumber
            aria-label={words.fromYear}
            value={draft.fromYear}
            onChange={(v) => setDraft({ ...draft, fromYear: v ?? 2014 })}
          />
          <InputNumber
            aria-label={words.toYear}
            value={draft.toYear}
            onChange={(v) => setDraft({ ...draft, toYear: v ?? 2018 })}
          />
          <Button onClick={() => void navigate({ search: draft })}>{words.reconcile}</Button>
          <div style={{ flex: 1 }} />
          <Can permission="FUNDS_WRITE">
            <Button type="primary" onClick={() => setDialog('source')}>
              {words.createSource}
            </Button>
            <Button onClick={() => setDialog('overlap')}>{words.declareOverlap}</Button>
            <Button onClick={() => setDialog('total')}>{words.recordTotal}</Button>
          </Can>
        </div>
        {error && <QueryErrorAlert error={error} onRetry={refresh} />}
        <Table
          rowKey="id"
          loading={fetching}
          pagination={false}
          dataSource={sources}
          locale={{ emptyText: <EmptyState description={words.noSources} /> }}
          columns={[
            {
              title: words.columnCategory,
              key: 'category',
              render: (_, s) => enumLabel('FundSourceCategory', s.category, locale),
            },
            { title: words.columnName, dataIndex: 'name', key: 'name' },
            { title: words.columnYears, key: 'years', render: (_, s) => `${s.fromYear}–${s.toYear}` },
            { title: words.columnAmount, dataIndex: 'amountWanYuan', key: 'amount', align: 'right' },
            { title: words.columnAllocated, dataIndex: 'allocatedWanYuan', key: 'allocated', align: 'right' },
            { title: words.columnRemaining, dataIndex: 'remainingWanYuan', key: 'remaining', align: 'right' },
            {
              title: words.columnIncludes,
              key: 'includes',
              render: (_, s) =>
                s.includes
                  .map((o) => `${o.contained.name} ${fill(words.wan, { amount: o.amountWanYuan })}`)
                  .join('；'),
            },
          ]}
        />
      </Card>
      {reconciliation && (
        <Card
          title={`${words.reconciliation}（${years.fromYear}–${years.toYear}）`}
          data-testid="fund-reconciliation"
        >
          <Descriptions column={3} size="small">
            <Descriptions.Item label={words.gross}>
              {fill(words.wan, { amount: reconciliation.grossWanYuan })}
            </Descriptions.Item>
            <Descriptions.Item label={words.overlap}>
              {fill(words.wan, { amount: reconciliation.overlapWanYuan })}
            </Descriptions.Item>
            <Descriptions.Item label={words.net}>
              {fill(words.wan, { amount: reconciliation.netWanYuan })}
            </Descriptions.Item>
          </Descriptions>
          {reconciliation.readings.length === 0 && (
            <Alert type="info" showIcon message={words.noReportedTotal} />
          )}
          {reconciliation.readings.map((reading) => (
            <Alert
              key={`${reading.reportedIn}-${reading.reportedTotalWanYuan}`}
              style={{ marginTop: 12 }}
              type={reading.severity === 'WARNING' ? 'warning' : 'success'}
              showIcon
              data-testid="reconciliation-reading"
              message={`${fill(words.reported, { total: reading.reportedTotalWanYuan, where: reading.reportedIn })} · ${fill(words.grossDifference, { difference: reading.grossDifferenceWanYuan })} · ${fill(words.netDifference, { difference: reading.netDifferenceWanYuan })} · ${reading.severity === 'WARNING' ? words.warning : words.consistent}`}
              description={<RuleReasons reasons={reading.explanation} />}
            />
          ))}
          {reconciliation.overlapChecks.some((check) => !check.passed) && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={words.warning}
              description={<RuleReasons reasons={reconciliation.overlapChecks} />}
            />
          )}
        </Card>
      )}
      {dialog && (
        <FundDialog
          dialog={dialog}
          years={years}
          sources={sources}
          onClose={(saved) => {
            setDialog(null);
            if (saved) refresh();
          }}
        />
      )}
    </Space>
  );
}
