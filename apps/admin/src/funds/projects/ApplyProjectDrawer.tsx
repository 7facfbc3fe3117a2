import { graphql } from '@gongjian/schema';
import { useCountyToday, useWords } from '@gongjian/ui';
import { Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitInRegionSelect } from '../../shared/pickers.tsx';
import { fundsListWords } from '../list-words.ts';

const ApplyVillagesQuery = graphql.persisted(
  'admin/AdminApplyVillages',
  graphql(`
  query AdminApplyVillages {
    villages(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`),
);

const CreateProjectMutation = graphql.persisted(
  'admin/AdminCreateProject',
  graphql(
    `
  mutation AdminCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface FormValues {
  name: string;
  category: string;
  year: number;
  villageId: string;
  responsibleUnitId: string;
  amountWanYuan: string;
  beneficiaryHouseholds: number;
  beneficiaryPeople: number;
  beneficiaryPoorPeople: number;
  performanceTarget: string;
  povertyLink: string;
  notes?: string;
}

const CATEGORIES = ['产业发展', '基础设施', '公共服务', '易地扶贫搬迁', '教育', '健康', '就业'];

/** 项目申报: the village's application, with its mandatory performance target and its poverty link. */
export function ApplyProjectDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(fundsListWords);
  const year = Number(useCountyToday().slice(0, 4)) + 1;
  const [form] = Form.useForm<FormValues>();
  const villageId = Form.useWatch('villageId', form);
  const [villages] = useQuery({ query: ApplyVillagesQuery });
  const create = useCreateForm({
    form,
    mutation: CreateProjectMutation,
    fields: [
      'name',
      'category',
      'year',
      'villageId',
      'responsibleUnitId',
      'amountWanYuan',
      'beneficiaryPoorPeople',
      'performanceTarget',
      'povertyLink',
    ],
    onClose,
  });
  return (
    <CreateFormDrawer<FormValues>
      width={620}
      title={words.applyProject}
      create={create}
      initialValues={{ year, beneficiaryHouseholds: 0, beneficiaryPeople: 0, beneficiaryPoorPeople: 0 }}
      onFinish={(values) =>
        create.save({ input: { ...values, notes: values.notes || null } }, (data) => data?.createProject)
      }
    >
      <RequiredItem label={words.fieldProjectName} name="name" whitespace>
        <Input maxLength={200} />
      </RequiredItem>
      <RequiredItem label={words.fieldProjectCategory} name="category">
        <Select options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
      </RequiredItem>
      <RequiredItem label={words.fieldYear} name="year">
        <InputNumber min={2000} max={2100} />
      </RequiredItem>
      <RequiredItem label={words.fieldVillage} name="villageId">
        <Select
          loading={villages.fetching}
          options={(villages.data?.villages.edges ?? []).map(({ node }) => ({
            value: node.id,
            label: node.name,
          }))}
        />
      </RequiredItem>
      <RequiredItem label={words.fieldResponsibleUnit} name="responsibleUnitId">
        <UnitInRegionSelect regionId={villageId ?? null} />
      </RequiredItem>
      <RequiredItem label={words.fieldBudgetWanYuan} name="amountWanYuan" whitespace>
        <Input inputMode="decimal" />
      </RequiredItem>
      <RequiredItem label={words.fieldHouseholds} name="beneficiaryHouseholds">
        <InputNumber min={0} precision={0} />
      </RequiredItem>
      <RequiredItem label={words.fieldPeople} name="beneficiaryPeople">
        <InputNumber min={0} precision={0} />
      </RequiredItem>
      <RequiredItem label={words.fieldPoorPeople} name="beneficiaryPoorPeople">
        <InputNumber min={0} precision={0} />
      </RequiredItem>
      <RequiredItem label={words.fieldTarget} name="performanceTarget" whitespace>
        <Input.TextArea rows={3} maxLength={1000} />
      </RequiredItem>
      <RequiredItem label={words.fieldPovertyLink} name="povertyLink" whitespace>
        <Input.TextArea rows={3} maxLength={1000} />
      </RequiredItem>
      <Form.Item label={words.columnNotes} name="notes">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </CreateFormDrawer>
  );
}
