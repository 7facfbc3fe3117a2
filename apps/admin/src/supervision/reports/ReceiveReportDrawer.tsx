import { graphql } from '@gongjian/schema';
import { enumOptions, RegionPicker, useLocale, useWords } from '@gongjian/ui';
import { Form, Input, Select } from 'antd';
import { CreateFormDrawer, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { useViewer } from '../../shared/viewer.tsx';
import { supervisionWords } from '../words.ts';

const ReceiveMutation = graphql.persisted(
  'admin/AdminReceiveReport',
  graphql(
    `
  mutation AdminReceiveReport($input: ReceiveReportInput!) {
    receiveReport(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface Values {
  region?: string[];
  channel?: string;
  category?: string;
  subject?: string;
  content?: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** 受理举报: from any channel; without a name the report is anonymous and no identity is kept. */
export function ReceiveReportDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(supervisionWords);
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const create = useCreateForm({
    form,
    mutation: ReceiveMutation,
    fields: ['channel', 'category', 'subject', 'content', 'reporterName', 'reporterPhone'],
    onClose,
  });
  const required = [{ required: true, message: words.required }];
  return (
    <CreateFormDrawer<Values>
      title={words.receive}
      width={560}
      create={create}
      initialValues={{ channel: 'HOTLINE_12345' }}
      onFinish={(values) =>
        create.save(
          {
            input: {
              regionId: regionIdOf(values.region) ?? '',
              channel: values.channel as never,
              category: values.category as never,
              subject: values.subject ?? '',
              content: values.content ?? '',
              reporterName: values.reporterName?.trim() || null,
              reporterPhone: values.reporterPhone?.trim() || null,
            },
          },
          (data) => data?.receiveReport,
        )
      }
    >
      <Form.Item label={words.fieldRegion} name="region" rules={required}>
        <RegionPicker id="report-region" root={useViewer().jurisdiction} />
      </Form.Item>
      <Form.Item label={words.fieldChannel} name="channel" rules={required}>
        <Select id="report-channel" options={enumOptions('ReportChannel', locale)} />
      </Form.Item>
      <Form.Item label={words.fieldCategory} name="category" rules={required}>
        <Select id="report-category" options={enumOptions('ReportCategory', locale)} />
      </Form.Item>
      <Form.Item label={words.fieldSubject} name="subject" rules={required}>
        <Input id="report-subject" maxLength={100} />
      </Form.Item>
      <Form.Item label={words.fieldContent} name="content" rules={required}>
        <Input.TextArea id="report-content" rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item label={words.fieldReporterName} name="reporterName">
        <Input id="report-reporter-name" maxLength={50} />
      </Form.Item>
      <Form.Item label={words.fieldReporterPhone} name="reporterPhone">
        <Input id="report-reporter-phone" maxLength={20} />
      </Form.Item>
    </CreateFormDrawer>
  );
}
