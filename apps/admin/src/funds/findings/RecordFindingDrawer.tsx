import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Alert, Form, Input } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { PersonSelect, UnitInRegionSelect } from '../../shared/pickers.tsx';
import { fundsListWords } from '../list-words.ts';
import { ProjectSelect } from '../shared/ProjectSelect.tsx';

const RecordFindingMutation = graphql.persisted(
  'admin/AdminRecordAuditFinding',
  graphql(
    `
  mutation AdminRecordAuditFinding($input: RecordAuditFindingInput!) {
    recordAuditFinding(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface FormValues {
  projectId: string;
  description: string;
  amountWanYuan?: string;
  foundOn: string;
  auditor: string;
  responsibleUnitId: string;
  responsiblePersonId: string;
  deadline: string;
}

/** 登记审计发现: the finding on a project and the unit and person who rectify it, as a task in the task tree. */
export function RecordFindingDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(fundsListWords);
  const today = useCountyToday();
  const [form] = Form.useForm<FormValues>();
  const unitId = Form.useWatch('responsibleUnitId', form);
  const create = useCreateForm({
    form,
    mutation: RecordFindingMutation,
    fields: [
      'projectId',
      'description',
      'amountWanYuan',
      'foundOn',
      'auditor',
      'responsiblePersonId',
      'deadline',
    ],
    onClose,
  });
  return (
    <CreateFormDrawer<FormValues>
      width={600}
      title={words.recordFinding}
      create={create}
      initialValues={{ foundOn: today }}
      onFinish={(values) =>
        create.save(
          { input: { ...values, amountWanYuan: values.amountWanYuan?.trim() || null } },
          (data) => data?.recordAuditFinding,
        )
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={words.findingHint} />
      <RequiredItem label={words.columnProject} name="projectId">
        <ProjectSelect placeholder={words.searchProject} />
      </RequiredItem>
      <RequiredItem label={words.description} name="description" whitespace>
        <Input.TextArea rows={3} maxLength={500} />
      </RequiredItem>
      <Form.Item label={words.amountWan} name="amountWanYuan">
        <Input inputMode="decimal" />
      </Form.Item>
      <RequiredItem label={words.foundOn} name="foundOn">
        <DateInput max={today} />
      </RequiredItem>
      <RequiredItem label={words.auditor} name="auditor" whitespace>
        <Input maxLength={100} />
      </RequiredItem>
      <RequiredItem label={words.fieldResponsibleUnit} name="responsibleUnitId">
        <UnitInRegionSelect regionId={null} />
      </RequiredItem>
      <RequiredItem label={words.fieldResponsiblePerson} name="responsiblePersonId">
        <PersonSelect unitId={unitId} />
      </RequiredItem>
      <RequiredItem label={words.fieldDeadline} name="deadline">
        <DateInput />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
