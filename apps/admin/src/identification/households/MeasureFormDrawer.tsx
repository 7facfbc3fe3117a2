import { type EnumValue, type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { householdFormWords } from './formWords.ts';

export const MeasureFormDrawer_measure = graphql(`
  fragment MeasureFormDrawer_measure on Measure {
    id
    version
    kind
    status
    description
    department
    startedOn
    completedOn
  }
`);

const SaveMeasureMutation = graphql.persisted(
  'admin/AdminSaveMeasure',
  graphql(
    `
    mutation AdminSaveMeasure($input: MeasureInput!) {
      saveMeasure(input: $input) {
        __typename
        ... on MutationSaveMeasureSuccess {
          data {
            id
            ...MeasureFormDrawer_measure
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MeasureFormDrawer_measure, MutationFailure_error],
  ),
);

const LatestMeasureQuery = graphql.persisted(
  'admin/AdminLatestMeasure',
  graphql(
    `
    query AdminLatestMeasure($id: ID!) {
      node(id: $id) {
        __typename
        ... on Measure {
          id
          ...MeasureFormDrawer_measure
        }
      }
    }
  `,
    [MeasureFormDrawer_measure],
  ),
);

interface MeasureValues {
  kind: EnumValue<'MeasureKind'>;
  status: EnumValue<'MeasureStatus'>;
  description: string;
  department: string;
  startedOn: string;
  completedOn: string;
}

const measureFields = ['kind', 'status', 'description', 'department', 'startedOn', 'completedOn'] as const;

function valuesOf(measure: ResultOf<typeof MeasureFormDrawer_measure>): MeasureValues {
  return {
    kind: measure.kind,
    status: measure.status,
    description: measure.description,
    department: measure.department,
    startedOn: measure.startedOn ?? '',
    completedOn: measure.completedOn ?? '',
  };
}

export interface MeasureFormDrawerProps {
  /** The household a new measure is for; a measure being edited names its own. */
  householdId: string;
  measure: FragmentOf<typeof MeasureFormDrawer_measure> | null;
  onClose: () => void;
  onSaved: () => void;
  /** The form's name (two pages hold one). */
  name?: string;
}

/** Adds a household's measure (industry, employment, education …) or edits one. */
export function MeasureFormDrawer({
  householdId,
  measure,
  onClose,
  onSaved,
  name = 'measure',
}: MeasureFormDrawerProps) {
  const words = useWords(householdFormWords);
  const { locale } = useLocale();
  const [form] = Form.useForm<MeasureValues>();
  const [current, setCurrent] = useState(() =>
    measure ? readFragment(MeasureFormDrawer_measure, measure) : null,
  );
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: measureFields,
    onSaved,
    latest: {
      query: LatestMeasureQuery,
      typename: 'Measure',
      onLatest: (latest) => {
        const fields = readFragment(MeasureFormDrawer_measure, latest);
        setCurrent(fields);
        form.setFieldsValue(valuesOf(fields));
      },
    },
  });
  const [{ fetching }, saveMeasure] = useMutation(SaveMeasureMutation);
  async function submit(values: MeasureValues) {
    setFailure(null);
    const fields = {
      kind: values.kind,
      status: values.status,
      description: values.description.trim(),
      department: values.department?.trim() ?? '',
      startedOn: values.startedOn || null,
      completedOn: values.completedOn || null,
    };
    const result = await saveMeasure({
      input: current ? { id: current.id, version: current.version, ...fields } : { householdId, ...fields },
    });
    save(result, result.data?.saveMeasure);
  }
  return (
    <EditingFormDrawer<MeasureValues>
      title={current ? words.editMeasure : words.addMeasure}
      name={name}
      form={form}
      failure={failure}
      onLoadLatest={() => current && loadLatest(current.id)}
      onFinish={submit}
      initialValues={current ? valuesOf(current) : { status: 'IN_PROGRESS', department: '' }}
      submitting={fetching}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldMeasureKind} name="kind">
            <Select options={enumOptions('MeasureKind', locale)} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <RequiredItem label={words.fieldMeasureStatus} name="status">
            <Select options={enumOptions('MeasureStatus', locale)} />
          </RequiredItem>
        </Col>
      </Row>
      <RequiredItem label={words.fieldDescription} name="description" whitespace>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </RequiredItem>
      <Form.Item label={words.fieldDepartment} name="department">
        <Input maxLength={60} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={words.fieldStartedOn} name="startedOn">
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={words.fieldCompletedOn} name="completedOn">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </EditingFormDrawer>
  );
}
