import { graphql } from '@gongjian/schema';
import { RegionPicker, useCountyToday, useWords } from '@gongjian/ui';
import { Form, Input } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { regionIdOf } from '../../shared/listFilters.tsx';
import { PersonSelect, UnitInRegionSelect } from '../../shared/pickers.tsx';
import { useViewer } from '../../shared/viewer.tsx';
import { supervisionListWords } from '../list-words.ts';

const RecordInspectionMutation = graphql.persisted(
  'admin/AdminRecordInspection',
  graphql(
    `
  mutation AdminRecordInspection($input: RecordInspectionInput!) {
    recordInspection(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const RecordFindingMutation = graphql.persisted(
  'admin/AdminRecordInspectionFinding',
  graphql(
    `
  mutation AdminRecordInspectionFinding($input: RecordInspectionFindingInput!) {
    recordInspectionFinding(input: $input) {
      __typename
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface InspectionValues {
  title: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  inspectors: string;
}

/** 登记督查: a round of the supervision group, its scope, dates and inspectors. */
export function RecordInspectionDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const [form] = Form.useForm<InspectionValues>();
  const create = useCreateForm({
    form,
    mutation: RecordInspectionMutation,
    fields: ['title', 'scope', 'startsOn', 'endsOn', 'inspectors'],
    onClose,
  });
  return (
    <CreateFormDrawer<InspectionValues>
      width={560}
      title={words.recordInspection}
      create={create}
      initialValues={{ startsOn: today, endsOn: today }}
      onFinish={(values) => create.save({ input: values }, (data) => data?.recordInspection)}
    >
      <RequiredItem label={words.title} name="title" whitespace>
        <Input maxLength={100} />
      </RequiredItem>
      <RequiredItem label={words.scope} name="scope" whitespace>
        <Input.TextArea rows={2} maxLength={500} />
      </RequiredItem>
      <RequiredItem label={words.startsOn} name="startsOn">
        <DateInput />
      </RequiredItem>
      <RequiredItem label={words.endsOn} name="endsOn">
        <DateInput />
      </RequiredItem>
      <RequiredItem label={words.inspectors} name="inspectors" whitespace>
        <Input maxLength={200} />
      </RequiredItem>
    </CreateFormDrawer>
  );
}

interface FindingValues {
  region: string[];
  description: string;
  foundOn: string;
  responsibleUnitId: string;
  responsiblePersonId: string;
  deadline: string;
}

/** 登记发现问题: the finding becomes a rectification task of the responsible unit, with its deadline. */
export function RecordFindingDrawer({
  inspection,
  onClose,
}: {
  inspection: { id: string; title: string };
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(supervisionListWords);
  const today = useCountyToday();
  const viewer = useViewer();
  const [form] = Form.useForm<FindingValues>();
  const unitId = Form.useWatch('responsibleUnitId', form);
  const create = useCreateForm({
    form,
    mutation: RecordFindingMutation,
    fields: ['description', 'foundOn', 'responsibleUnitId', 'responsiblePersonId', 'deadline'],
    onClose,
  });
  return (
    <CreateFormDrawer<FindingValues>
      width={600}
      title={`${words.recordFinding} · ${inspection.title}`}
      create={create}
      initialValues={{ foundOn: today }}
      onFinish={({ region, ...values }) =>
        create.save(
          { input: { ...values, inspectionId: inspection.id, regionId: regionIdOf(region) ?? '' } },
          (data) => data?.recordInspectionFinding,
        )
      }
    >
      <RequiredItem label={words.regionField} name="region">
        <RegionPicker root={viewer.jurisdiction} />
      </RequiredItem>
      <RequiredItem label={words.description} name="description" whitespace>
        <Input.TextArea rows={3} maxLength={500} />
      </RequiredItem>
      <RequiredItem label={words.foundOn} name="foundOn">
        <DateInput max={today} />
      </RequiredItem>
      <RequiredItem label={words.responsibleUnit} name="responsibleUnitId">
        <UnitInRegionSelect regionId={null} />
      </RequiredItem>
      <RequiredItem label={words.responsiblePerson} name="responsiblePersonId">
        <PersonSelect unitId={unitId} />
      </RequiredItem>
      <RequiredItem label={words.deadline} name="deadline">
        <DateInput />
      </RequiredItem>
    </CreateFormDrawer>
  );
}
