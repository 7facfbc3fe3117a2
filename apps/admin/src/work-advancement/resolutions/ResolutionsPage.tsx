import { type FragmentOf, graphql } from '@gongjian/schema';
import { EmptyState, QueryErrorAlert, type RegionPicker_region, useWords } from '@gongjian/ui';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Card, Form, Input, Table } from 'antd';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { failure, settle } = useMutationForm();
  const [{ fetching }, create] = useMutation(CreateResolutionMutation);
  async function submit(values: FormValues) {
    const result = await create({ input: { ...values, summary: values.summary || null } });
    if (!settle(result, result.data?.createResolution)) return;
    message.success(words.saved);
    onClose(true);
  }
  return (
    <FormDrawer
      width={520}
      title={words.createResolution}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={words.fieldIssuingBody}
          name="issuingBody"
          rules={[{ required: true, message: words.required }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={words.fieldAdoptedOn}
          name="adoptedOn"
          rules={[{ required: true, message: words.required }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          label={words.fieldTitle}
          name="title"
          rules={[{ required: true, whitespace: true, message: words.required }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={words.fieldSummary} name="summary">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 决议: resolutions of the people's congress and Party plenums; each can become tasks. */
const route = getRouteApi('/work-advancement/resolutions');

export function ResolutionsPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(commandWords);
  const pageWords = useWords(adminWords);
  const url = route.useSearch();
  const { paging, change } = useUrlList(url, route.useNavigate());
  const search = url.search ?? '';
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResolutionsQuery,
    variables: { search: search || null, first: paging.first, after: paging.after },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const { createTaskFrom, drawer } = useTaskFromDecision(jurisdiction, refresh);
  const connection = data?.resolutions;
  return (
    <Card title={pageWords.pageResolutions}>
      <div className="gj-page-toolbar">
        <Input.Search
          allowClear
          placeholder={words.searchTitle}
          style={{ width: 260 }}
          defaultValue={url.search}
          onSearch={(value) => change({ search: value.trim() || undefined })}
        />
        <div style={{ flex: 1 }} />
        <Can permission="WORK_WRITE">
          <Button type="primary" onClick={() => setCreating(true)}>
            {words.createResolution}
          </Button>
        </Can>
      </div>
      {error && <QueryErrorAlert error={error} onRetry={refresh} />}
      <Table
        rowKey="id"
        loading={fetching}
        pagination={false}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
        locale={{ emptyText: <EmptyState description={words.noResolutions} /> }}
        columns={[
          { title: words.columnAdoptedOn, dataIndex: 'adoptedOn', key: 'adoptedOn', width: 120 },
          { title: words.columnIssuingBody, dataIndex: 'issuingBody', key: 'issuingBody', width: 260 },
          { title: words.columnTitle, key: 'title', render: (_, r) => `《${r.title}》` },
          { title: words.columnSummary, dataIndex: 'summary', key: 'summary' },
          {
            title: words.columnActions,
            key: 'actions',
            width: 200,
            render: (_, r) => (
              <TaskFromDecisionActions
                taskCount={r.taskCount}
                onCreate={() => createTaskFrom({ kind: 'RESOLUTION', id: r.id, label: r.title })}
              />
            ),
          },
        ]}
      />
      <ConnectionPager paging={paging} connection={connection} fetching={fetching} />
      {creating && (
        <ResolutionFormDrawer
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
