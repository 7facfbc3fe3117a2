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
import { Form, Input, Select } from 'antd';
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
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

/** A unit as a create returns it, with what the list shows of it. */
export type CreatedUnit = { id: string } & Unit & FragmentOf<typeof UnitsTable_unit>;

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
  /** After a save; `created` is the new unit when the drawer created one. */
  onSaved: (created: CreatedUnit | null) => void;
}

export function UnitFormDrawer({ unit, jurisdiction, onClose, onSaved }: UnitFormDrawerProps) {
  const words = useWords(adminWords);
  const { locale } = useLocale();
  const [form] = Form.useForm<UnitFormValues>();
  const kind = Form.useWatch('kind', form);
  const [version, setVersion] = useState(() => (unit ? readFragment(UnitFormDrawer_unit, unit).version : 0));
  const created = useRef<CreatedUnit | null>(null);
  const valuesOf = (current: Unit): UnitFormValues => {
    const fields = readFragment(UnitFormDrawer_unit, current);
    return {
      name: fields.name,
      kind: fields.kind,
      backingLevel: fields.backingLevel,
      regionId: regionPickerPath(jurisdiction, fields.region, true),
    };
  };
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: unitFormFields,
    onSaved: () => onSaved(created.current),
    latest: {
      query: LatestUnitQuery,
      typename: 'Unit',
      onLatest: (latest: Unit) => {
        form.setFieldsValue(valuesOf(latest));
        setVersion(readFragment(UnitFormDrawer_unit, latest).version);
      },
    },
  });
  const [{ fetching: creating }, createUnit] = useMutation(CreateUnitMutation);
  const [{ fetching: updating }, updateUnit] = useMutation(UpdateUnitMutation);

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
    created.current = outcome?.__typename === 'MutationCreateUnitSuccess' ? outcome.data : null;
    save(result, outcome);
  }

  return (
    <EditingFormDrawer<UnitFormValues>
      title={unit ? words.editUnit : words.createUnit}
      name="unit"
      form={form}
      failure={failure}
      failureTestId="unit-form-error"
      onLoadLatest={() => unit && loadLatest(readFragment(UnitFormDrawer_unit, unit).id)}
      onFinish={submit}
      initialValues={unit ? valuesOf(unit) : { kind: 'BACKING_UNIT', backingLevel: 'COUNTY', regionId: [] }}
      submitting={creating || updating}
      onClose={onClose}
    >
      <RequiredItem label={words.fieldName} name="name" whitespace rules={[{ max: 50 }]}>
        <Input maxLength={50} showCount />
      </RequiredItem>
      <RequiredItem label={words.fieldKind} name="kind">
        <Select options={enumOptions('UnitKind', locale)} />
      </RequiredItem>
      {kind === 'BACKING_UNIT' && (
        <RequiredItem label={words.fieldBackingLevel} name="backingLevel">
          <Select options={enumOptions('BackingLevel', locale)} />
        </RequiredItem>
      )}
      <Form.Item
        label={words.fieldRegion}
        name="regionId"
        rules={[{ required: true, type: 'array', min: 1, message: words.required }]}
      >
        <RegionPicker root={jurisdiction} includeRoot style={{ width: '100%' }} />
      </Form.Item>
    </EditingFormDrawer>
  );
}
