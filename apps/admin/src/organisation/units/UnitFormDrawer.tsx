import { type EnumValue, type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  enumOptions,
  RegionPicker,
  RegionPicker_path,
  type RegionPicker_region,
  regionPickerPath,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useVersionedMutationForm, VersionedFailureAlert } from '../../shared/useVersionedMutationForm.tsx';
import { adminWords } from '../../words.ts';
import { UnitsTable_unit } from './UnitsTable.tsx';

export const UnitFormDrawer_unit = graphql(
  `
    fragment UnitFormDrawer_unit on Unit {
      id
      name
      kind
      backingLevel
      version
      region {
        ...RegionPicker_path
      }
    }
  `,
  [RegionPicker_path],
);

const CreateUnitMutation = graphql.persisted(
  'admin/AdminCreateUnit',
  graphql(
    `
    mutation AdminCreateUnit($input: CreateUnitInput!) {
      createUnit(input: $input) {
        __typename
        ... on MutationCreateUnitSuccess {
          data {
            id
            ...UnitsTable_unit
            ...UnitFormDrawer_unit
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [UnitsTable_unit, UnitFormDrawer_unit, MutationFailure_error],
  ),
);

const UpdateUnitMutation = graphql.persisted(
  'admin/AdminUpdateUnit',
  graphql(
    `
    mutation AdminUpdateUnit($input: UpdateUnitInput!) {
      updateUnit(input: $input) {
        __typename
        ... on MutationUpdateUnitSuccess {
          data {
            id
            ...UnitsTable_unit
            ...UnitFormDrawer_unit
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [UnitsTable_unit, UnitFormDrawer_unit, MutationFailure_error],
  ),
);

const LatestUnitQuery = graphql.persisted(
  'admin/AdminLatestUnit',
  graphql(
    `
    query AdminLatestUnit($id: ID!) {
      node(id: $id) {
        __typename
        ... on Unit {
          id
          ...UnitFormDrawer_unit
          ...UnitsTable_unit
        }
      }
    }
  `,
    [UnitFormDrawer_unit, UnitsTable_unit],
  ),
);

type Unit = FragmentOf<typeof UnitFormDrawer_unit>;

interface UnitFormValues {
  name: string;
  kind: EnumValue<'UnitKind'>;
  backingLevel?: EnumValue<'BackingLevel'> | null;
  regionId: string[];
}

const unitFormFields = ['name', 'kind', 'backingLevel', 'regionId'] as const;

export interface UnitFormDrawerProps {
  /** The unit to edit, or null to create one. */
  unit: Unit | null;
  jurisdiction: FragmentOf<typeof RegionPicker_region>;
  onClose: () => void;
  onSaved: () => void;
}

export function UnitFormDrawer({ unit, jurisdiction, onClose, onSaved }: UnitFormDrawerProps) {
  const words = useWords(adminWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<UnitFormValues>();
  const kind = Form.useWatch('kind', form);
  const [version, setVersion] = useState(() => (unit ? readFragment(UnitFormDrawer_unit, unit).version : 0));
  const { failure, setFailure, settle } = useVersionedMutationForm({ form, fields: unitFormFields });
  const [{ fetching: creating }, createUnit] = useMutation(CreateUnitMutation);
  const [{ fetching: updating }, updateUnit] = useMutation(UpdateUnitMutation);

  const valuesOf = (current: Unit): UnitFormValues => {
    const fields = readFragment(UnitFormDrawer_unit, current);
    return {
      name: fields.name,
      kind: fields.kind,
      backingLevel: fields.backingLevel,
      regionId: regionPickerPath(jurisdiction, fields.region, true),
    };
  };

  async function loadLatest() {
    if (!unit) return;
    const { id } = readFragment(UnitFormDrawer_unit, unit);
    const result = await client.query(LatestUnitQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
    const latest = result.data?.node;
    if (latest?.__typename !== 'Unit') return;
    const latestUnit: Unit = latest;
    form.setFieldsValue(valuesOf(latestUnit));
    setVersion(readFragment(UnitFormDrawer_unit, latestUnit).version);
    setFailure(null);
  }

  async function submit(values: UnitFormValues) {
    setFailure(null);
    const fields = {
      name: values.name.trim(),
      kind: values.kind,
      backingLevel: values.kind === 'BACKING_UNIT' ? (values.backingLevel ?? null) : null,
      regionId: values.regionId[values.regionId.length - 1] ?? '',
    };
    const result = unit
      ? await updateUnit({ input: { id: readFragment(UnitFormDrawer_unit, unit).id, version, ...fields } })
      : await createUnit({ input: fields });
    const outcome =
      result.data && ('updateUnit' in result.data ? result.data.updateUnit : result.data.createUnit);
    if (!settle(result, outcome)) return;
    message.success(words.saved);
    onSaved();
  }

  return (
    <FormDrawer
      width={480}
      title={unit ? words.editUnit : words.createUnit}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={creating || updating}
      cancelText={words.cancel}
      submitText={words.save}
    >
      <VersionedFailureAlert failure={failure} onLoadLatest={loadLatest} testId="unit-form-error" />
      <Form<UnitFormValues>
        name="unit"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={unit ? valuesOf(unit) : { kind: 'BACKING_UNIT', backingLevel: 'COUNTY', regionId: [] }}
      >
        <Form.Item
          label={words.fieldName}
          name="name"
          rules={[{ required: true, whitespace: true, message: words.required }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={words.fieldKind} name="kind" rules={[{ required: true, message: words.required }]}>
          <Select options={enumOptions('UnitKind', locale)} />
        </Form.Item>
        {kind === 'BACKING_UNIT' && (
          <Form.Item
            label={words.fieldBackingLevel}
            name="backingLevel"
            rules={[{ required: true, message: words.required }]}
          >
            <Select options={enumOptions('BackingLevel', locale)} />
          </Form.Item>
        )}
        <Form.Item
          label={words.fieldRegion}
          name="regionId"
          rules={[{ required: true, type: 'array', min: 1, message: words.required }]}
        >
          <RegionPicker root={jurisdiction} includeRoot style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
