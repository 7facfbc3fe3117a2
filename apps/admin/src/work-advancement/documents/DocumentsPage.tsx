import { type EnumValue, type FragmentOf, graphql } from '@gongjian/schema';
import {
  EmptyState,
  enumLabel,
  enumOptions,
  fill,
  QueryErrorAlert,
  type RegionPicker_region,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { ConnectionPager, useUrlList } from '../../shared/usePagedFilters.tsx';
import { Can } from '../../shared/viewer.tsx';
import { adminWords } from '../../words.ts';
import { TaskFromDecisionActions, useTaskFromDecision } from '../TaskFromDecision.tsx';
import { commandWords } from '../words.ts';

const DocumentsQuery = graphql.persisted(
  'admin/AdminPolicyDocuments',
  graphql(`
  query AdminPolicyDocuments(
    $kind: PolicyDocumentKind
    $status: PolicyDocumentStatus
    $search: String
    $first: Int!
    $after: String
  ) {
    policyDocuments(kind: $kind, status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          documentNumber
          title
          issuer
          issuedOn
          status
          taskCount
          supersededBy {
            title
          }
        }
      }
    }
  }
`),
);

const InForceDocumentsQuery = graphql.persisted(
  'admin/AdminInForceDocuments',
  graphql(`
  query AdminInForceDocuments($search: String) {
    policyDocuments(status: IN_FORCE, search: $search, first: 30) {
      edges {
        node {
          id
          documentNumber
          title
        }
      }
    }
  }
`),
);

const CreateDocumentMutation = graphql.persisted(
  'admin/AdminCreatePolicyDocument',
  graphql(
    `
  mutation AdminCreatePolicyDocument($input: CreatePolicyDocumentInput!) {
    createPolicyDocument(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface FormValues {
  kind: EnumValue<'PolicyDocumentKind'>;
  documentNumber: string;
  title: string;
  issuer: string;
  issuedOn: string;
  supersedesId?: string;
}

function DocumentFormDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(commandWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [search, setSearch] = useState('');
  const { failure, settle } = useMutationForm({
    form,
    fields: ['documentNumber', 'title', 'issuer', 'issuedOn'],
  });
  const [{ data: inForce }] = useQuery({
    query: InForceDocumentsQuery,
    variables: { search: search || null },
  });
  const [{ fetching }, create] = useMutation(CreateDocumentMutation);
  async function submit(values: FormValues) {
    const result = await create({ input: { ...values, supersedesId: values.supersedesId ?? null } });
    if (!settle(result, result.data?.createPolicyDocument)) return;
    message.success(words.saved);
    onClose(true);
  }
  return (
    <FormDrawer
      width={560}
      title={words.createDocument}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'THEMATIC' }}>
        <Form.Item label={words.fieldKind} name="kind" rules={[{ required: true, message: words.required }]}>
          <Select options={enumOptions('PolicyDocumentKind', locale)} />
        </Form.Item>
        <Form.Item
          label={words.fieldNumber}
          name="documentNumber"
          rules={[{ required: true, message: words.required }]}
        >
          <Input maxLength={60} placeholder="江办发〔2019〕5号" />
        </Form.Item>
        <Form.Item
          label={words.fieldTitle}
          name="title"
          rules={[{ required: true, message: words.required }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={words.fieldIssuer}
          name="issuer"
          rules={[{ required: true, message: words.required }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={words.fieldIssuedOn}
          name="issuedOn"
          rules={[{ required: true, message: words.required }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label={words.fieldSupersedes} name="supersedesId">
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={(inForce?.policyDocuments.edges ?? []).map((edge) => ({
              value: edge.node.id,
              label: `${edge.node.documentNumber}《${edge.node.title}》`,
            }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 政策文件: the "1+X+部门" system, with status and the tasks that implement each document. */
const route = getRouteApi('/work-advancement/documents');

export function DocumentsPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(commandWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const kind = url.kind ?? null;
  const status = url.status ?? null;
  const search = url.search ?? '';
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DocumentsQuery,
    variables: { kind, status, search: search || null, first: paging.first, after: paging.after },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const { createTaskFrom, drawer } = useTaskFromDecision(jurisdiction, refresh);
  const connection = data?.policyDocuments;
  return (
    <Card title={pageWords.pageDocuments}>
      <div className="gj-page-toolbar">
        <Select
          allowClear
          placeholder={words.documentKind}
          style={{ width: 170 }}
          value={kind}
          onChange={(value) => change({ kind: value ?? undefined })}
          options={enumOptions('PolicyDocumentKind', locale)}
        />
        <Select
          allowClear
          placeholder={words.documentStatus}
          style={{ width: 140 }}
          value={status}
          onChange={(value) => change({ status: value ?? undefined })}
          options={enumOptions('PolicyDocumentStatus', locale)}
        />
        <Input.Search
          allowClear
          placeholder={words.searchDocuments}
          style={{ width: 240 }}
          defaultValue={url.search}
          onSearch={(value) => change({ search: value.trim() || undefined })}
        />
        <div style={{ flex: 1 }} />
        <Can permission="WORK_WRITE">
          <Button type="primary" onClick={() => setCreating(true)}>
            {words.createDocument}
          </Button>
        </Can>
      </div>
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      <Table
        data-testid="documents-table"
        rowKey="id"
        loading={fetching}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <EmptyState description={words.noDocuments} /> }}
        columns={[
          {
            title: words.columnKind,
            key: 'kind',
            width: 130,
            render: (_, d) => (
              <Tag color={d.kind === 'MASTER' ? 'red' : d.kind === 'THEMATIC' ? 'orange' : 'blue'}>
                {enumLabel('PolicyDocumentKind', d.kind, locale)}
              </Tag>
            ),
          },
          { title: words.columnNumber, dataIndex: 'documentNumber', key: 'number', width: 160 },
          {
            title: words.columnTitle,
            key: 'title',
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <span>《{d.title}》</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.issuer}
                </Typography.Text>
              </Space>
            ),
          },
          { title: words.columnIssuedOn, dataIndex: 'issuedOn', key: 'issuedOn', width: 110 },
          {
            title: words.columnStatus,
            key: 'status',
            width: 200,
            render: (_, d) =>
              d.status === 'IN_FORCE' ? (
                <Tag color="success">{enumLabel('PolicyDocumentStatus', 'IN_FORCE', locale)}</Tag>
              ) : (
                <Typography.Text type="secondary">
                  {fill(words.supersededBy, { title: d.supersededBy?.title ?? '' })}
                </Typography.Text>
              ),
          },
          {
            title: words.columnActions,
            key: 'actions',
            width: 190,
            render: (_, d) => (
              <TaskFromDecisionActions
                taskCount={d.taskCount}
                onCreate={() => createTaskFrom({ kind: 'POLICY_DOCUMENT', id: d.id, label: d.title })}
              />
            ),
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {creating && (
        <DocumentFormDrawer
          onClose={(saved) => {
            setCreating(false);
            if (saved) refresh();
          }}
        />
      )}
      {drawer}
    </Card>
  );
}
