import { graphql, type ResultOf } from '@gongjian/schema';
import { EmptyState, enumLabel, enumOptions, QueryErrorAlert, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { ConnectionPager, useUrlList } from '../../shared/usePagedFilters.tsx';
import { adminWords } from '../../words.ts';
import { fundsWords } from '../words.ts';

const ProjectsQuery = graphql.persisted(
  'admin/AdminProjects',
  graphql(`
  query AdminProjects($state: ProjectState, $year: Int, $search: String, $first: Int!, $after: String) {
    projects(state: $state, year: $year, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          name
          year
          state
          region {
            name
          }
          responsibleUnitName
          budgetWanYuan
          allocatedWanYuan
          disbursedWanYuan
          payableYuan
          performanceTarget
          nextStates
          viewerCanAdvance
          viewerCanAllocate
          viewerCanDisburse
        }
      }
    }
  }
`),
);

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

type ProjectRow = ResultOf<typeof ProjectsQuery>['projects']['edges'][number]['node'];
type Action = { kind: 'advance' | 'allocate' | 'disburse'; project: ProjectRow };

interface ActionValues {
  to?: string;
  notes?: string;
  sourceId?: string;
  amountWanYuan?: string;
}

/** The project's writes: its next lifecycle step, an allocation from a source, a payment. */
function ProjectActionModal({ action, onClose }: { action: Action; onClose: (saved: boolean) => void }) {
  const words = useWords(fundsWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const { failure, settle } = useMutationForm();
  const [sources] = useQuery({ query: OpenSourcesQuery, pause: action.kind !== 'allocate' });
  const [advanced, advance] = useMutation(AdvanceProjectMutation);
  const [allocated, allocate] = useMutation(AllocateFundsMutation);
  const [paid, pay] = useMutation(RecordDisbursementMutation);
  const { project } = action;
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
                options={project.nextStates.map((state) => ({
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

/** 项目库: the projects of the jurisdiction by stage and year, with the money beside each and its next steps. */
const route = getRouteApi('/funds/projects');

export function ProjectsPage() {
  const words = useWords(fundsWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const [action, setAction] = useState<Action | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectsQuery,
    variables: {
      state: url.state ?? null,
      year: url.year ?? null,
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const connection = data?.projects;
  return (
    <Card title={pageWords.pageProjects}>
      <div className="gj-page-toolbar">
        <Select
          allowClear
          placeholder={words.filterState}
          style={{ width: 180 }}
          value={url.state}
          options={enumOptions('ProjectState', locale)}
          onChange={(state) => change({ state: state ?? undefined })}
        />
        <Select
          allowClear
          placeholder={words.filterYear}
          style={{ width: 140 }}
          value={url.year}
          options={[2018, 2019, 2020, 2021].map((year) => ({ value: year, label: String(year) }))}
          onChange={(year) => change({ year: year ?? undefined })}
        />
        <Input.Search
          allowClear
          placeholder={words.searchName}
          style={{ width: 240 }}
          defaultValue={url.search}
          onSearch={(value) => change({ search: value.trim() || undefined })}
        />
      </div>
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      <Table
        rowKey="id"
        loading={fetching}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <EmptyState description={words.noProjects} /> }}
        columns={[
          { title: words.columnName, dataIndex: 'name', key: 'name' },
          { title: words.filterYear, dataIndex: 'year', key: 'year', width: 90 },
          { title: words.columnVillage, key: 'village', render: (_, p) => p.region.name },
          { title: words.columnUnit, dataIndex: 'responsibleUnitName', key: 'unit' },
          {
            title: words.columnState,
            key: 'state',
            render: (_, p) => <Tag>{enumLabel('ProjectState', p.state, locale)}</Tag>,
          },
          { title: words.columnBudget, dataIndex: 'budgetWanYuan', key: 'budget', align: 'right' },
          { title: words.columnAllocated, dataIndex: 'allocatedWanYuan', key: 'allocated', align: 'right' },
          { title: words.columnDisbursed, dataIndex: 'disbursedWanYuan', key: 'disbursed', align: 'right' },
          { title: words.columnPayable, dataIndex: 'payableYuan', key: 'payable', align: 'right' },
          {
            title: words.columnActions,
            key: 'actions',
            render: (_, p) => (
              <Space size="small">
                {p.viewerCanAdvance && (
                  <Button size="small" onClick={() => setAction({ kind: 'advance', project: p })}>
                    {words.advance}
                  </Button>
                )}
                {p.viewerCanAllocate && (
                  <Button size="small" onClick={() => setAction({ kind: 'allocate', project: p })}>
                    {words.allocate}
                  </Button>
                )}
                {p.viewerCanDisburse && (
                  <Button size="small" onClick={() => setAction({ kind: 'disburse', project: p })}>
                    {words.disburse}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {action && (
        <ProjectActionModal
          action={action}
          onClose={(saved) => {
            setAction(null);
            if (saved) refresh();
          }}
        />
      )}
    </Card>
  );
}
