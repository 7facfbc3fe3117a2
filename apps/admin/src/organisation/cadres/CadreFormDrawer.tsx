import { type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitSelect, UnitSelect_unit } from '../../shared/UnitSelect.tsx';
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
  const [form] = Form.useForm<CadreFormValues>();
  const [current, setCurrent] = useState(() => (cadre ? readFragment(CadreFormDrawer_cadre, cadre) : null));
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: cadreFormFields,
    onSaved,
    latest: {
      query: LatestCadreQuery,
      typename: 'Cadre',
      onLatest: (latest) => {
        const fields = readFragment(CadreFormDrawer_cadre, latest);
        setCurrent(fields);
        form.setFieldsValue(valuesOf(fields));
      },
    },
  });
  const [{ fetching: creating }, createCadre] = useMutation(CreateCadreMutation);
  const [{ fetching: updating }, updateCadre] = useMutation(UpdateCadreMutation);

  async function submit(values: CadreFormValues) {
    setFailure(null);
    const phone = values.phone?.trim() || undefined;
    const fields = { unitId: values.unitId ?? '', name: values.name.trim(), post: values.post.trim() };
    const result = current
      ? await updateCadre({ input: { id: current.id, version: current.version, ...fields, phone } })
      : await createCadre({ input: { ...fields, phone } });
    save(
      result,
      result.data && ('updateCadre' in result.data ? result.data.updateCadre : result.data.createCadre),
    );
  }

  return (
    <EditingFormDrawer<CadreFormValues>
      title={cadre ? words.editCadre : words.createCadre}
      name="cadre"
      form={form}
      failure={failure}
      onLoadLatest={() => current && loadLatest(current.id)}
      onFinish={submit}
      initialValues={
        current
          ? valuesOf(current)
          : { unitId: defaultUnit ? readFragment(UnitSelect_unit, defaultUnit).id : null }
      }
      submitting={creating || updating}
      onClose={onClose}
    >
      <RequiredItem label={words.fieldUnit} name="unitId">
        <UnitSelect selectedUnit={current?.unit ?? defaultUnit ?? null} placeholder={words.unitPlaceholder} />
      </RequiredItem>
      <RequiredItem label={words.fieldCadreName} name="name" whitespace>
        <Input maxLength={50} />
      </RequiredItem>
      <RequiredItem label={words.fieldPost} name="post" whitespace>
        <Input maxLength={50} />
      </RequiredItem>
      <Form.Item label={words.fieldPhone} name="phone" extra={current ? words.phoneKeepHint : undefined}>
        <Input maxLength={13} placeholder={current?.phone ?? undefined} inputMode="tel" />
      </Form.Item>
    </EditingFormDrawer>
  );
}

function valuesOf(cadre: ResultOf<typeof CadreFormDrawer_cadre>): CadreFormValues {
  return { unitId: cadre.unit.id, name: cadre.name, post: cadre.post, phone: '' };
}
