import { type FragmentOf, graphql } from '@gongjian/schema';
import {
  CursorPager,
  describeQueryError,
  EmptyState,
  fill,
  QueryErrorAlert,
  type RegionPicker_region,
  useCursorPaging,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, App, Button, Card, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateTaskDrawer, type TaskSource } from '../tasks/CreateTaskDrawer.tsx';
import { DateInput, describeFailure } from '../tasks/shared.tsx';
import { adminWords } from '../words.ts';
import { commandWords } from './words.ts';

const ResolutionsQuery = graphql(`
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
`);

const CreateResolutionMutation = graphql(`
  mutation AdminCreateResolution($input: CreateResolutionInput!) {
    createResolution(input: $input) {
      __typename
      ... on Error {
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`);

interface FormValues {
  issuingBody: string;
  adoptedOn: string;
  title: string;
  summary?: string;
}

function ResolutionFormDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(commandWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateResolutionMutation);
  async function submit(values: FormValues) {
    const result = await create({ input: { ...values, summary: values.summary || null } });
    const outcome = result.data?.createResolution;
    if (result.error || !outcome)
      return setFailure(result.error ? describeQueryError(result.error, locale) : null);
    if (outcome.__typename === 'MutationCreateResolutionSuccess') {
      message.success(words.saved);
      return onClose(true);
    }
    setFailure(describeFailure(outcome, locale));
  }
  return (
    <Drawer
      open
      width={520}
      title={words.createResolution}
      onClose={() => onClose(false)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onClose(false)}>{words.cancel}</Button>
          <Button type="primary" loading={fetching} onClick={() => form.submit()}>
            {words.save}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
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
    </Drawer>
  );
}

/** 决议: resolutions of the people's congress and Party plenums; each can become tasks. */
export function ResolutionsPage({ jurisdiction }: { jurisdiction: FragmentOf<typeof RegionPicker_region> }) {
  const words = useWords(commandWords);
  const pageWords = useWords(adminWords);
  const paging = useCursorPaging(20);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [source, setSource] = useState<TaskSource | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResolutionsQuery,
    variables: { search: search || null, first: paging.first, after: paging.after },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const connection = data?.resolutions;
  return (
    <Card title={pageWords.pageResolutions}>
      <div className="gj-page-toolbar">
        <Input.Search
          allowClear
          placeholder={words.searchTitle}
          style={{ width: 260 }}
          onSearch={(value) => {
            setSearch(value.trim());
            paging.reset();
          }}
        />
        <div style={{ flex: 1 }} />
        <Button type="primary" onClick={() => setCreating(true)}>
          {words.createResolution}
        </Button>
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
              <Space>
                {r.taskCount > 0 && <Tag>{fill(words.tasksFromHere, { count: r.taskCount })}</Tag>}
                <Button
                  type="link"
                  size="small"
                  onClick={() => setSource({ kind: 'RESOLUTION', id: r.id, label: r.title })}
                >
                  {words.createTaskFromDecision}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CursorPager
        paging={paging}
        totalCount={connection?.totalCount ?? 0}
        pageInfo={connection?.pageInfo}
        disabled={fetching}
      />
      {creating && (
        <ResolutionFormDrawer
          onClose={(saved) => {
            setCreating(false);
            if (saved) refresh();
          }}
        />
      )}
      {source && (
        <CreateTaskDrawer
          source={source}
          jurisdiction={jurisdiction}
          onClose={() => {
            setSource(null);
            refresh();
          }}
        />
      )}
    </Card>
  );
}
