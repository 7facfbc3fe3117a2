import { graphql, type ResultOf } from '@gongjian/schema';
import { describeQueryError, fill, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { Alert, App, Button, Drawer, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { objectionWords } from './objection-words.ts';

const ObjectionsQuery = graphql.persisted(
  'admin/AdminNoticeObjections',
  graphql(`
  query AdminNoticeObjections($noticeId: ID!, $first: Int!) {
    noticeObjections(noticeId: $noticeId, first: $first) {
      totalCount
      edges {
        node {
          id
          version
          raisedOn
          content
          objectorName
          objectorPhone
          status
          answer
          answeredOn
          answeredByName
          viewerCanAnswer
        }
      }
    }
  }
`),
);

const RecordMutation = graphql.persisted(
  'admin/AdminRecordNoticeObjection',
  graphql(
    `
  mutation AdminRecordNoticeObjection($input: RecordNoticeObjectionInput!) {
    recordNoticeObjection(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const AnswerMutation = graphql.persisted(
  'admin/AdminAnswerNoticeObjection',
  graphql(
    `
  mutation AdminAnswerNoticeObjection($input: AnswerNoticeObjectionInput!) {
    answerNoticeObjection(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type ObjectionRow = ResultOf<typeof ObjectionsQuery>['noticeObjections']['edges'][number]['node'];

export interface ObjectionNotice {
  id: string;
  title: string;
  viewerCanRecordObjection: boolean;
}

interface RecordValues {
  raisedOn: string;
  content: string;
  objectorName?: string;
  objectorPhone?: string;
}

/** 公示异议: a notice's objections, the record form and each open objection's answer. */
export function NoticeObjectionsDrawer({
  notice,
  onClose,
}: {
  notice: ObjectionNotice;
  onClose: () => void;
}) {
  const words = useWords(objectionWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const today = useCountyToday();
  const [result, refetch] = useQuery({
    query: ObjectionsQuery,
    variables: { noticeId: notice.id, first: 100 },
  });
  const [recording, record] = useMutation(RecordMutation);
  const [answering, answer] = useMutation(AnswerMutation);
  const [answeringId, setAnsweringId] = useState<string | null>(null);
  const [recordForm] = Form.useForm<RecordValues>();
  const [answerForm] = Form.useForm<{ answer: string }>();
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  async function submitRecord(values: RecordValues) {
    const r = await record({
      input: {
        noticeId: notice.id,
        raisedOn: values.raisedOn || null,
        content: values.content,
        objectorName: values.objectorName || null,
        objectorPhone: values.objectorPhone || null,
      },
    });
    const outcome = r.data?.recordNoticeObjection;
    if (r.error || !outcome) return message.error(r.error ? describeQueryError(r.error, locale) : '');
    if (outcome.__typename !== 'MutationRecordNoticeObjectionSuccess')
      return message.error(describeFailure(outcome, locale));
    message.success(words.recorded);
    recordForm.resetFields();
    refresh();
  }

  async function submitAnswer(row: ObjectionRow, values: { answer: string }) {
    const r = await answer({ input: { id: row.id, version: row.version, answer: values.answer } });
    const outcome = r.data?.answerNoticeObjection;
    if (r.error || !outcome) return message.error(r.error ? describeQueryError(r.error, locale) : '');
    if (outcome.__typename !== 'MutationAnswerNoticeObjectionSuccess')
      return message.error(describeFailure(outcome, locale));
    message.success(words.answeredMessage);
    setAnsweringId(null);
    answerForm.resetFields();
    refresh();
  }

  return (
    <Drawer open width={820} title={fill(words.objectionsOf, { title: notice.title })} onClose={onClose}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={words.hint} />
      {result.error && <Alert type="error" showIcon message={describeQueryError(result.error, locale)} />}
      <Table<ObjectionRow>
        data-testid="objections-table"
        rowKey="id"
        size="small"
        loading={result.fetching}
        pagination={false}
        locale={{ emptyText: words.noObjections }}
        dataSource={result.data?.noticeObjections.edges.map((e) => e.node) ?? []}
        columns={[
          { title: words.raisedOn, dataIndex: 'raisedOn', key: 'raisedOn', width: 110 },
          { title: words.content, dataIndex: 'content', key: 'content' },
          {
            title: words.objector,
            key: 'objector',
            width: 140,
            render: (_, o) =>
              o.objectorName ? `${o.objectorName} ${o.objectorPhone ?? ''}` : words.anonymous,
          },
          {
            title: words.status,
            key: 'status',
            width: 90,
            render: (_, o) =>
              o.status === 'OPEN' ? (
                <Tag color="warning">{words.open}</Tag>
              ) : (
                <Tag color="success">{words.answered}</Tag>
              ),
          },
          {
            title: words.answer,
            key: 'answer',
            render: (_, o) =>
              o.answer ? (
                `${o.answer}（${o.answeredByName ?? ''} ${o.answeredOn ?? ''}）`
              ) : answeringId === o.id ? (
                <Form form={answerForm} layout="vertical" onFinish={(values) => submitAnswer(o, values)}>
                  <Form.Item name="answer" rules={[{ required: true, message: words.answer }]}>
                    <Input.TextArea rows={2} aria-label={words.answer} />
                  </Form.Item>
                  <Space>
                    <Button type="primary" htmlType="submit" size="small" loading={answering.fetching}>
                      {words.submitAnswer}
                    </Button>
                    <Button size="small" onClick={() => setAnsweringId(null)}>
                      {words.cancel}
                    </Button>
                  </Space>
                </Form>
              ) : o.viewerCanAnswer ? (
                <Button size="small" onClick={() => setAnsweringId(o.id)}>
                  {words.answerAction}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {notice.viewerCanRecordObjection && (
        <Form<RecordValues>
          form={recordForm}
          layout="vertical"
          style={{ marginTop: 24 }}
          initialValues={{ raisedOn: today }}
          onFinish={submitRecord}
        >
          <h4>{words.record}</h4>
          <Form.Item label={words.raisedOn} name="raisedOn" rules={[{ required: true }]}>
            <DateInput max={today} />
          </Form.Item>
          <Form.Item
            label={words.content}
            name="content"
            rules={[{ required: true, message: words.content }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space>
            <Form.Item label={words.objector} name="objectorName">
              <Input placeholder={words.anonymous} />
            </Form.Item>
            <Form.Item label={words.phone} name="objectorPhone">
              <Input />
            </Form.Item>
          </Space>
          <div>
            <Button type="primary" htmlType="submit" loading={recording.fetching}>
              {words.record}
            </Button>
          </div>
        </Form>
      )}
    </Drawer>
  );
}
