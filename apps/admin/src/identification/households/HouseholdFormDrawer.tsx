import { type EnumValue, type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { Alert, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { VillageSelect } from '../../shared/pickers.tsx';
import { householdFormWords } from './formWords.ts';
import {
  MemberFields,
  type MemberFormValues,
  memberFormFields,
  memberInputOf,
  newMemberValues,
} from './MemberFields.tsx';

export const HouseholdFormDrawer_household = graphql(`
  fragment HouseholdFormDrawer_household on Household {
    id
    version
    groupName
    address
    phone
    attribute
    mainCause
  }
`);

const CreateHouseholdMutation = graphql.persisted(
  'admin/AdminCreateHousehold',
  graphql(
    `
    mutation AdminCreateHousehold($input: CreateHouseholdInput!) {
      createHousehold(input: $input) {
        __typename
        ... on MutationCreateHouseholdSuccess {
          data {
            id
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const UpdateHouseholdMutation = graphql.persisted(
  'admin/AdminUpdateHousehold',
  graphql(
    `
    mutation AdminUpdateHousehold($input: UpdateHouseholdInput!) {
      updateHousehold(input: $input) {
        __typename
        ... on MutationUpdateHouseholdSuccess {
          data {
            id
            ...HouseholdFormDrawer_household
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [HouseholdFormDrawer_household, MutationFailure_error],
  ),
);

const LatestHouseholdQuery = graphql.persisted(
  'admin/AdminLatestHousehold',
  graphql(
    `
    query AdminLatestHousehold($id: ID!) {
      node(id: $id) {
        __typename
        ... on Household {
          id
          ...HouseholdFormDrawer_household
        }
      }
    }
  `,
    [HouseholdFormDrawer_household],
  ),
);

interface HouseholdFields {
  groupName?: string;
  address?: string;
  phone?: string;
  attribute: EnumValue<'HouseholdAttribute'>;
  mainCause: EnumValue<'PovertyCause'>;
}

interface CreateValues extends HouseholdFields, MemberFormValues {
  villageId: string | null;
  householdNumber: string;
}

const householdFields = ['groupName', 'address', 'phone', 'attribute', 'mainCause'] as const;
const createFields = ['villageId', 'householdNumber', ...householdFields, ...memberFormFields] as const;

function HouseholdFieldItems({ keepPhone }: { keepPhone?: string | null }) {
  const words = useWords(householdFormWords);
  const { locale } = useLocale();
  return (
    <Row gutter={12}>
      <Col span={12}>
        <RequiredItem label={words.fieldAttribute} name="attribute">
          <Select options={enumOptions('HouseholdAttribute', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <RequiredItem label={words.fieldMainCause} name="mainCause">
          <Select options={enumOptions('PovertyCause', locale)} />
        </RequiredItem>
      </Col>
      <Col span={12}>
        <Form.Item label={words.fieldGroupName} name="groupName">
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          label={words.fieldPhone}
          name="phone"
          extra={keepPhone !== undefined ? words.phoneKeepHint : words.phoneHint}
        >
          <Input maxLength={13} inputMode="tel" placeholder={keepPhone ?? undefined} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label={words.fieldAddress} name="address">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Registers a household and its head; the new household is not poor until an application says so. */
export function CreateHouseholdDrawer({ onClose }: { onClose: (createdId: string | null) => void }) {
  const words = useWords(householdFormWords);
  const [form] = Form.useForm<CreateValues>();
  const created = useRef<string | null>(null);
  const create = useCreateForm({
    form,
    mutation: CreateHouseholdMutation,
    fields: createFields,
    onClose: (saved) => onClose(saved ? created.current : null),
  });
  function submit(values: CreateValues) {
    const { villageId, householdNumber, groupName, address, phone, attribute, mainCause, ...head } = values;
    create.save(
      {
        input: {
          villageId: villageId ?? '',
          householdNumber: householdNumber.trim(),
          groupName: groupName?.trim() ?? '',
          address: address?.trim() ?? '',
          phone: phone?.trim() || null,
          attribute,
          mainCause,
          head: memberInputOf(head),
        },
      },
      (data) => {
        const outcome = data?.createHousehold;
        if (outcome?.__typename === 'MutationCreateHouseholdSuccess') created.current = outcome.data.id;
        return outcome;
      },
    );
  }
  return (
    <CreateFormDrawer<CreateValues>
      title={words.createHousehold}
      width={640}
      create={create}
      onFinish={submit}
      initialValues={{ ...newMemberValues, relation: 'HEAD', attribute: 'ORDINARY' }}
    >
      <Alert type="info" showIcon message={words.newHouseholdStatus} style={{ marginBottom: 16 }} />
      <Row gutter={12}>
        <Col span={12}>
          <RequiredItem label={words.fieldVillage} name="villageId">
            <VillageSelect placeholder={words.villagePlaceholder} />
          </RequiredItem>
        </Col>
        <Col span={12}>
          <RequiredItem
            label={words.fieldHouseholdNumber}
            name="householdNumber"
            whitespace
            extra={words.householdNumberHint}
          >
            <Input maxLength={32} />
          </RequiredItem>
        </Col>
      </Row>
      <HouseholdFieldItems />
      <Divider titlePlacement="start">{words.headSection}</Divider>
      <MemberFields head />
    </CreateFormDrawer>
  );
}

type Household = ResultOf<typeof HouseholdFormDrawer_household>;

function valuesOf(household: Household): HouseholdFields {
  return {
    groupName: household.groupName,
    address: household.address,
    phone: '',
    attribute: household.attribute,
    mainCause: household.mainCause,
  };
}

/** Edits a household's details; its status changes only through applications. */
export function EditHouseholdDrawer({
  household,
  onClose,
  onSaved,
}: {
  household: FragmentOf<typeof HouseholdFormDrawer_household>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const words = useWords(householdFormWords);
  const [form] = Form.useForm<HouseholdFields>();
  const [current, setCurrent] = useState(() => readFragment(HouseholdFormDrawer_household, household));
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: householdFields,
    onSaved,
    latest: {
      query: LatestHouseholdQuery,
      typename: 'Household',
      onLatest: (latest) => {
        const fields = readFragment(HouseholdFormDrawer_household, latest);
        setCurrent(fields);
        form.setFieldsValue(valuesOf(fields));
      },
    },
  });
  const [{ fetching }, update] = useMutation(UpdateHouseholdMutation);
  async function submit(values: HouseholdFields) {
    setFailure(null);
    const result = await update({
      input: {
        id: current.id,
        version: current.version,
        groupName: values.groupName?.trim() ?? '',
        address: values.address?.trim() ?? '',
        phone: values.phone?.trim() || undefined,
        attribute: values.attribute,
        mainCause: values.mainCause,
      },
    });
    save(result, result.data?.updateHousehold);
  }
  return (
    <EditingFormDrawer<HouseholdFields>
      title={words.editHousehold}
      name="household"
      form={form}
      failure={failure}
      onLoadLatest={() => loadLatest(current.id)}
      onFinish={submit}
      initialValues={valuesOf(current)}
      submitting={fetching}
      onClose={onClose}
    >
      <HouseholdFieldItems keepPhone={current.phone} />
    </EditingFormDrawer>
  );
}
