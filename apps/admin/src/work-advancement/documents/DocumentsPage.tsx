import { type EnumValue, type FragmentOf, graphql } from '@gongjian/schema';
import { enumLabel, enumOptions, fill, type RegionPicker_region, useLocale, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { TaskFromDecisionActions, useTaskFromDecision } from '../TaskFromDecision.tsx';
import { useWithdrawal, WithdrawnTag, WithdrawPolicyDocumentModal } from '../WithdrawModal.tsx';
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
          withdrawnOn
          withdrawnReason
          withdrawnByName
          viewerCanWithdraw
          version
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
  const [search, setSearch] = useState('');
  const [form] = Form.useForm<FormValues>();
  const create = useCreateForm({
    form,
    mutation: CreateDocumentMutation,
    fields: ['documentNumber', 'title', 'issuer', 'issuedOn'],
    onClose,
  });
  const [{ data: inForce }] = useQuery({
    query: InForceDocumentsQuery,
    variables: { search: search || null },
  });
  return (
    <CreateFormDrawer<FormValues>
      width={560}
      title={words.createDocument}
      create={create}
      onFinish={(values) =>
        create.save(
          { input: { ...values, supersedesId: values.supersedesId ?? null } },
          (data) => data?.createPolicyDocument,
        )
      }
      initialValues={{ kind: 'THEMATIC' }}
    >
      <RequiredItem label={words.fieldKind} name="kind">
        <Select options={enumOptions('PolicyDocumentKind', locale)} />
      </RequiredItem>
      <RequiredItem label={words.fieldNumber} name="documentNumber">
        <Input maxLength={60} placeholder="江办发〔2019〕5号" />
      </RequiredItem>
      <RequiredItem label={words.fieldTitle} name="title">
        <Input maxLength={200} />
      </RequiredItem>
      <RequiredItem label={words.fieldIssuer} name="issuer">
        <Input maxLength={200} />
      </RequiredItem>
      <RequiredItem label={words.fieldIssuedOn} name="issuedOn">
        <DateInput />
      </RequiredItem>
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
    </CreateFormDrawer>
  );
}

/** 政策文件: the "1+X+部门" system, with status and the tasks that implement each document. */
const route = getRouteApi('/work-advancement/documents');

export function DocumentsPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(commandWords);
  const pageWords = useWords(adminWords);
  const { locale } = useLocale();
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: DocumentsQuery,
    variables: {
      kind: url.kind ?? null,
      status: url.status ?? null,
      search: url.search || null,
      first: paging.first,
      after: paging.after,
    },
  }));
  const creating = useCreateDrawer(page.refresh);
  const { createTaskFrom, drawer } = useTaskFromDecision(jurisdiction, page.refresh);
  const connection = page.data?.policyDocuments;
  const withdrawal = useWithdrawal(WithdrawPolicyDocumentModal, page.refresh);
  return (
    <ListPage
      title={pageWords.pageDocuments}
      page={page}
      filters={[
        { choose: 'PolicyDocumentKind', param: 'kind', placeholder: words.documentKind, width: 170 },
        { choose: 'PolicyDocumentStatus', param: 'status', placeholder: words.documentStatus, width: 140 },
        { search: 'search', placeholder: words.searchDocuments, width: 240 },
      ]}
      create={{ permission: 'WORK_WRITE', text: words.createDocument, onClick: creating.open }}
      connection={connection}
      testId="documents-table"
      emptyText={words.noDocuments}
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
              <span>
                《{d.title}》 <WithdrawnTag record={d} />
              </span>
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
            <Space size={0}>
              <TaskFromDecisionActions
                taskCount={d.taskCount}
                onCreate={() => createTaskFrom({ kind: 'POLICY_DOCUMENT', id: d.id, label: d.title })}
              />
              {withdrawal.button(d)}
            </Space>
          ),
        },
      ]}
    >
      {creating.creating && <DocumentFormDrawer onClose={creating.close} />}
      {withdrawal.modal}
      {drawer}
    </ListPage>
  );
}
