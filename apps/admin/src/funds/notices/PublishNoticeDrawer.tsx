import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { Alert, Form, Input, Select } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { fundsListWords } from '../list-words.ts';
import { ProjectSelect } from '../shared/ProjectSelect.tsx';

const PublishNoticeMutation = graphql.persisted(
  'admin/AdminPublishNotice',
  graphql(
    `
  mutation AdminPublishNotice($input: PublishNoticeInput!) {
    publishNotice(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface FormValues {
  subject: EnumValue<'NoticeSubject'>;
  projectId?: string | null;
  title: string;
  postingPlace: string;
  postedOn: string;
  lastDayPosted: string;
}

/** 发布公告公示: a plan, allocation or project notice with where and from when to when it is posted. */
export function PublishNoticeDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(fundsListWords);
  const { locale } = useLocale();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateForm({
    form,
    mutation: PublishNoticeMutation,
    fields: ['subject', 'projectId', 'title', 'postingPlace', 'postedOn', 'lastDayPosted'],
    onClose,
  });
  return (
    <CreateFormDrawer<FormValues>
      width={560}
      title={words.publishNotice}
      create={create}
      initialValues={{ subject: 'PROJECT' }}
      onFinish={(values) =>
        create.save(
          { input: { ...values, projectId: values.projectId || null } },
          (data) => data?.publishNotice,
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={words.noticeHint} />
      <RequiredItem label={words.subject} name="subject">
        <Select options={enumOptions('NoticeSubject', locale)} />
      </RequiredItem>
      <Form.Item label={words.fieldProject} name="projectId">
        <ProjectSelect placeholder={words.searchProject} />
      </Form.Item>
      <RequiredItem label={words.title} name="title" whitespace>
        <Input maxLength={200} />
      </RequiredItem>
      <RequiredItem label={words.postingPlace} name="postingPlace" whitespace>
        <Input maxLength={200} />
      </RequiredItem>
      <RequiredItem label={words.postedOn} name="postedOn">
        <DateInput />
      </RequiredItem>
      <RequiredItem label={words.lastDayPosted} name="lastDayPosted">
        <DateInput />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
