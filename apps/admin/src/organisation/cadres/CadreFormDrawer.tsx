import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitSelect, UnitSelect_unit } from '../../shared/UnitSelect.tsx';
import { useVersionedMutationForm, VersionedFailureAlert } from '../../shared/useVersionedMutationForm.tsx';
import { adminWords } from '../../words.ts';
import { CadresTable_cadre } from './CadresTable.tsx';

export const CadreFormDrawer_cadre = graphql(
  `
    fragment CadreFormDrawer_cadre on Cadre {
      id
      name
      post
      phone
      version
      unit {
        id
        ...UnitSelect_unit
      }
    }
  `,
  [UnitSelect_unit],
);

const CreateCadreMutation = graphql.persisted(
  'admin/AdminCreateCadre',
  graphql(
    `
    mutation AdminCreateCadre($input: CreateCadreInput!) {
      createCadre(input: $input) {
        __typename
        ... on MutationCreateCadreSuccess {
          data {
            id
            ...CadresTable_cadre
            ...CadreFormDrawer_cadre
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [CadresTable_cadre, CadreFormDrawer_cadre, MutationFailure_error],
  ),
);

const UpdateCadreMutation = graphql.persisted(
  'admin/AdminUpdateCadre',
  graphql(
    `
    mutation AdminUpdateCadre($input: UpdateCadreInput!) {
      updateCadre(input: $input) {
        __typename
        ... on MutationUpdateCadreSuccess {
          data {
            id
            ...CadresTable_cadre
            ...CadreFormDrawer_cadre
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [CadresTable_cadre, CadreFormDrawer_cadre, MutationFailure_error],
  ),
);

const LatestCadreQuery = graphql.persisted(
  'admin/AdminLatestCadre',
  graphql(
    `
    query AdminLatestCadre($id: ID!) {
      node(id: $id) {
        __typename
        ... on Cadre {
          id
          ...CadreFormDrawer_cadre
          ...CadresTable_cadre
        }
      }
    }
  `,
    [CadreFormDrawer_cadre, CadresTable_cadre],
  ),
);

type Cadre = FragmentOf<typeof CadreFormDrawer_cadre>;

interface CadreFormValues {
  unitId: string | null;
  name: string;
  post: string;
  /** A new number; left empty when editing, the stored number stays as it is. */
  phone?: string;
}

const cadreFormFields = ['unitId', 'name', 'post', 'phone'] as const;

export interface CadreFormDrawerProps {
  cadre: Cadre | null;
  /** Preselected unit when creating from a unit's cadre list. */
  defaultUnit?: FragmentOf<typeof UnitSelect_unit> | null;
  onClose: () => void;
  onSaved: () => void;
}

export function CadreFormDrawer({ cadre, defaultUnit, onClose, onSaved }: CadreFormDrawerProps) {
  const words = useWords(adminWords);
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<CadreFormValues>();
  const [current, setCurrent] = useState(() => (cadre ? readFragment(CadreFormDrawer_cadre, cadre) : null));
  const { failure, setFailure, settle } = useVersionedMutationForm({ form, fields: cadreFormFields });
  const [{ fetching: creating }, createCadre] = useMutation(CreateCadreMutation);
  const [{ fetching: updating }, updateCadre] = useMutation(UpdateCadreMutation);
  const selectedUnit = current?.unit ?? defaultUnit ?? null;

  async function loadLatest() {
    if (!current) return;
    const result = await client
      .query(LatestCadreQuery, { id: current.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const latest = result.data?.node;
    if (latest?.__typename !== 'Cadre') return;
    const latestCadre: Cadre = latest;
    const fields = readFragment(CadreFormDrawer_cadre, latestCadre);
    setCurrent(fields);
    form.setFieldsValue({ unitId: fields.unit.id, name: fields.name, post: fields.post, phone: '' });
    setFailure(null);
  }

  async function submit(values: CadreFormValues) {
    setFailure(null);
    const phone = values.phone?.trim() || undefined;
    const fields = { unitId: values.unitId ?? '', name: values.name.trim(), post: values.post.trim() };
    const result = current
      ? await updateCadre({ input: { id: current.id, version: current.version, ...fields, phone } })
      : await createCadre({ input: { ...fields, phone } });
    const outcome =
      result.data && ('updateCadre' in result.data ? result.data.updateCadre : result.data.createCadre);
    if (!settle(result, outcome)) return;
    message.success(words.saved);
    onSaved();
  }

  return (
    <FormDrawer
      width={480}
      title={cadre ? words.editCadre : words.createCadre}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={creating || updating}
      cancelText={words.cancel}
      submitText={words.save}
    >
      <VersionedFailureAlert failure={failure} onLoadLatest={loadLatest} />
      <Form<CadreFormValues>
        name="cadre"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          current
            ? { unitId: current.unit.id, name: current.name, post: current.post, phone: '' }
            : { unitId: defaultUnit ? readFragment(UnitSelect_unit, defaultUnit).id : null }
        }
      >
        <Form.Item
          label={words.fieldUnit}
          name="unitId"
          rules={[{ required: true, message: words.required }]}
        >
          <UnitSelect selectedUnit={selectedUnit} placeholder={words.unitPlaceholder} />
        </Form.Item>
        <Form.Item
          label={words.fieldCadreName}
          name="name"
          rules={[{ required: true, whitespace: true, message: words.required }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={words.fieldPost}
          name="post"
          rules={[{ required: true, whitespace: true, message: words.required }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={words.fieldPhone} name="phone" extra={current ? words.phoneKeepHint : undefined}>
          <Input maxLength={13} placeholder={current?.phone ?? undefined} inputMode="tel" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
