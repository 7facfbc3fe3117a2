import { type FragmentOf, graphql } from '@gongjian/schema';
import { type RegionPicker_region, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { Form, Input, Space } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { ListPage, useCreateDrawer, useListPage } from '../../shared/ListPage.tsx';
import { adminWords } from '../../words.ts';
import { TaskFromDecisionActions, useTaskFromDecision } from '../TaskFromDecision.tsx';
import { useWithdrawal, WithdrawnTag, WithdrawResolutionModal } from '../WithdrawModal.tsx';
import { commandWords } from '../words.ts';

const ResolutionsQuery = graphql.persisted(
  'admin/AdminResolutions',
  graphql(`
  query AdminResolutions($search: String, $first: Int!, $after: String) {
    resolutions(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          issuingBody
          adoptedOn
          title
          summary
          taskCount
          withdrawnOn
          withdrawnReason
          withdrawnByName
          viewerCanWithdraw
          version
        }
      }
    }
  }
`),
);

const CreateResolutionMutation = graphql.persisted(
  'admin/AdminCreateResolution',
  graphql(
    `
  mutation AdminCreateResolution($input: CreateResolutionInput!) {
    createResolution(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface FormValues {
  issuingBody: string;
  adoptedOn: string;
  title: string;
  summary?: string;
}

function ResolutionFormDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(commandWords);
  const [form] = Form.useForm<FormValues>();
  const create = useCreateForm({ form, mutation: CreateResolutionMutation, onClose });
  return (
    <CreateFormDrawer<FormValues>
      width={520}
      title={words.createResolution}
      create={create}
      onFinish={(values) =>
        create.save(
          { input: { ...values, summary: values.summary || null } },
          (data) => data?.createResolution,
        )
      }
    >
      <RequiredItem label={words.fieldIssuingBody} name="issuingBody">
        <Input maxLength={100} />
      </RequiredItem>
      <RequiredItem label={words.fieldAdoptedOn} name="adoptedOn">
        <DateInput />
      </RequiredItem>
      <RequiredItem label={words.fieldTitle} name="title" whitespace>
        <Input maxLength={200} />
      </RequiredItem>
      <Form.Item label={words.fieldSummary} name="summary">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </CreateFormDrawer>
  );
}

/** 决议: resolutions of the people's congress and Party plenums; each can become tasks. */
const route = getRouteApi('/work-advancement/resolutions');

export function ResolutionsPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(commandWords);
  const pageWords = useWords(adminWords);
  const page = useListPage(route.useSearch(), route.useNavigate(), (url, paging) => ({
    query: ResolutionsQuery,
    variables: { search: url.search || null, first: paging.first, after: paging.after },
  }));
  const creating = useCreateDrawer(page.refresh);
  const { createTaskFrom, drawer } = useTaskFromDecision(jurisdiction, page.refresh);
  const connection = page.data?.resolutions;
  const withdrawal = useWithdrawal(WithdrawResolutionModal, page.refresh);
  return (
    <ListPage
      title={pageWords.pageResolutions}
      page={page}
      filters={[{ search: 'search', placeholder: words.searchTitle, width: 260 }]}
      create={{ permission: 'WORK_WRITE', text: words.createResolution, onClick: creating.open }}
      connection={connection}
      emptyText={words.noResolutions}
      columns={[
        { title: words.columnAdoptedOn, dataIndex: 'adoptedOn', key: 'adoptedOn', width: 120 },
        { title: words.columnIssuingBody, dataIndex: 'issuingBody', key: 'issuingBody', width: 260 },
        {
          title: words.columnTitle,
          key: 'title',
          render: (_, r) => (
            <Space wrap>
              {`《${r.title}》`}
              <WithdrawnTag record={r} />
            </Space>
          ),
        },
        { title: words.columnSummary, dataIndex: 'summary', key: 'summary' },
        {
          title: words.columnActions,
          key: 'actions',
          width: 200,
          render: (_, r) => (
            <Space size={0}>
              <TaskFromDecisionActions
                taskCount={r.taskCount}
                onCreate={() => createTaskFrom({ kind: 'RESOLUTION', id: r.id, label: r.title })}
              />
              {withdrawal.button(r)}
            </Space>
          ),
        },
      ]}
    >
      {creating.creating && <ResolutionFormDrawer onClose={creating.close} />}
      {withdrawal.modal}
      {drawer}
    </ListPage>
  );
}
