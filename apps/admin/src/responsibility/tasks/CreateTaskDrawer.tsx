import { type EnumValue, type FragmentOf, graphql } from '@gongjian/schema';
import { fill, RegionPicker, type RegionPicker_region, useWords } from '@gongjian/ui';
import { App, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { PersonSelect, UnitInRegionSelect } from '../../shared/pickers.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { useLevels } from '../levels.ts';
import { taskWords } from '../words.ts';

const CombatGroupOptionsQuery = graphql.persisted(
  'admin/AdminCombatGroupOptions',
  graphql(`
  query AdminCombatGroupOptions {
    combatGroups {
      id
      name
    }
  }
`),
);

const CreateTaskMutation = graphql.persisted(
  'admin/AdminCreateTask',
  graphql(
    `
  mutation AdminCreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      __typename
      ... on MutationCreateTaskSuccess {
        data {
          id
          title
        }
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export interface TaskSource {
  kind: EnumValue<'TaskSourceKind'>;
  /** The decision, resolution or document; absent for findings. */
  id: string | null;
  label: string;
}

interface FormValues {
  title: string;
  description?: string;
  level: string;
  regionId: string[];
  responsibleUnitId?: string;
  responsiblePersonId?: string;
  deadline?: string;
  combatGroupId?: string;
  findingReference?: string;
}

const formFields = [
  'title',
  'level',
  'regionId',
  'responsibleUnitId',
  'responsiblePersonId',
  'deadline',
  'findingReference',
] as const;

/** 下达任务: a top task from a meeting decision, a resolution, a document or a finding. */
export function CreateTaskDrawer({
  source,
  jurisdiction,
  onClose,
}: {
  source: TaskSource;
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  onClose: () => void;
}) {
  const words = useWords(taskWords);
  const { message } = App.useApp();
  const levels = useLevels();
  const [form] = Form.useForm<FormValues>();
  const regionPath = Form.useWatch('regionId', form) ?? [];
  const unitId = Form.useWatch('responsibleUnitId', form);
  const { failure, setFailure, settle } = useMutationForm({ form, fields: formFields });
  const [{ data: groups }] = useQuery({ query: CombatGroupOptionsQuery });
  const [{ fetching }, createTask] = useMutation(CreateTaskMutation);
  const finding = source.kind === 'INSPECTION_FINDING' || source.kind === 'AUDIT_FINDING';

  async function submit(values: FormValues) {
    setFailure(null);
    const result = await createTask({
      input: {
        title: values.title,
        description: values.description || null,
        sourceKind: source.kind,
        sourceId: source.id,
        findingReference: values.findingReference || null,
        combatGroupId: values.combatGroupId ?? null,
        level: values.level,
        regionId: values.regionId[values.regionId.length - 1] ?? '',
        responsibleUnitId: values.responsibleUnitId ?? null,
        responsiblePersonId: values.responsiblePersonId ?? null,
        deadline: values.deadline || null,
      },
    });
    if (!settle(result, result.data?.createTask)) return;
    message.success(words.created);
    onClose();
  }

  return (
    <FormDrawer
      width={560}
      title={fill(words.createTaskFrom, { source: source.label })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.createTask}
      failure={failure}
      failureTestId="create-task-error"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: source.label, level: levels.levels[0]?.id ?? 'COUNTY_LEADER', regionId: [] }}
      >
        <Form.Item
          label={words.fieldTitle}
          name="title"
          rules={[{ required: true, whitespace: true, message: words.required }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        {finding && (
          <Form.Item
            label={words.fieldFinding}
            name="findingReference"
            rules={[{ required: true, message: words.required }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          label={words.fieldLevel}
          name="level"
          rules={[{ required: true, message: words.required }]}
        >
          <Select options={levels.options} />
        </Form.Item>
        <Form.Item
          label={words.fieldRegion}
          name="regionId"
          rules={[{ required: true, type: 'array', min: 1, message: words.required }]}
        >
          <RegionPicker root={jurisdiction} includeRoot style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={words.fieldUnit}
          name="responsibleUnitId"
          rules={[{ required: true, message: words.required }]}
        >
          <UnitInRegionSelect regionId={regionPath[regionPath.length - 1]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={words.fieldPerson}
          name="responsiblePersonId"
          rules={[{ required: true, message: words.required }]}
        >
          <PersonSelect unitId={unitId} placeholder={words.pickUnitFirst} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={words.fieldDeadline}
          name="deadline"
          rules={[{ required: true, message: words.required }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label={words.fieldCombatGroup} name="combatGroupId">
          <Select
            allowClear
            options={(groups?.combatGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item label={words.fieldDescription} name="description">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
