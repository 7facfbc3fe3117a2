import { graphql } from '@gongjian/schema';
import { enumOptions, fill, RegionPicker, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { App, Form, Select } from 'antd';
import { useMutation } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { EndOnDateModal } from '../../shared/EndOnDateModal.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { UnitSelect } from '../../shared/UnitSelect.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { useViewer } from '../../shared/viewer.tsx';
import { HelperSelect } from '../HelperSelect.tsx';
import { assistanceWords } from '../words.ts';
import { type TeamRow, WorkTeamRow_team } from './team.ts';

const CreateWorkTeamMutation = graphql.persisted(
  'admin/AdminCreateWorkTeam',
  graphql(
    `
    mutation AdminCreateWorkTeam($input: CreateWorkTeamInput!) {
      createWorkTeam(input: $input) {
        __typename
        ... on MutationCreateWorkTeamSuccess {
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

const UpdateWorkTeamMutation = graphql.persisted(
  'admin/AdminUpdateWorkTeam',
  graphql(
    `
    mutation AdminUpdateWorkTeam($input: UpdateWorkTeamInput!) {
      updateWorkTeam(input: $input) {
        __typename
        ... on MutationUpdateWorkTeamSuccess {
          data {
            id
            ...WorkTeamRow_team
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [WorkTeamRow_team, MutationFailure_error],
  ),
);

const LatestWorkTeamQuery = graphql.persisted(
  'admin/AdminLatestWorkTeam',
  graphql(
    `
    query AdminLatestWorkTeam($id: ID!) {
      node(id: $id) {
        __typename
        ... on WorkTeam {
          id
          ...WorkTeamRow_team
        }
      }
    }
  `,
    [WorkTeamRow_team],
  ),
);

const AddMemberMutation = graphql.persisted(
  'admin/AdminAddWorkTeamMember',
  graphql(
    `
    mutation AdminAddWorkTeamMember($input: AddWorkTeamMemberInput!) {
      addWorkTeamMember(input: $input) {
        __typename
        ... on MutationAddWorkTeamMemberSuccess {
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

const EndMembershipMutation = graphql.persisted(
  'admin/AdminEndWorkTeamMembership',
  graphql(
    `
    mutation AdminEndWorkTeamMembership($input: EndWorkTeamMembershipInput!) {
      endWorkTeamMembership(input: $input) {
        __typename
        ... on MutationEndWorkTeamMembershipSuccess {
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

interface CreateValues {
  village: string[];
  backingUnitId: string | null;
  startDate?: string;
}

export function CreateTeamDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(assistanceWords);
  const today = useCountyToday();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateForm({ form, mutation: CreateWorkTeamMutation, fields: ['startDate'], onClose });
  return (
    <CreateFormDrawer<CreateValues>
      width={520}
      title={words.createTeam}
      create={create}
      onFinish={(values) =>
        create.save(
          {
            input: {
              villageId: values.village[values.village.length - 1] ?? '',
              backingUnitId: values.backingUnitId ?? '',
              startDate: values.startDate || null,
            },
          },
          (data) => data?.createWorkTeam,
        )
      }
    >
      <RequiredItem label={words.fieldVillage} name="village">
        <RegionPicker root={useViewer().jurisdiction} />
      </RequiredItem>
      <RequiredItem label={words.fieldBackingUnit} name="backingUnitId">
        <UnitSelect selectedUnit={null} />
      </RequiredItem>
      <Form.Item label={words.fieldStartDate} name="startDate">
        <DateInput max={today} />
      </Form.Item>
    </CreateFormDrawer>
  );
}

export function EditTeamDrawer({ team, onClose }: { team: TeamRow; onClose: (saved: boolean) => void }) {
  const words = useWords(assistanceWords);
  const [form] = Form.useForm<{ backingUnitId: string | null }>();
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: ['backingUnitId'],
    onSaved: () => onClose(true),
    latest: { query: LatestWorkTeamQuery, typename: 'WorkTeam', onLatest: () => onClose(true) },
  });
  const [{ fetching }, update] = useMutation(UpdateWorkTeamMutation);
  return (
    <EditingFormDrawer<{ backingUnitId: string | null }>
      title={`${words.editTeam}：${team.village.name}`}
      name="workTeam"
      form={form}
      failure={failure}
      onLoadLatest={() => loadLatest(team.id)}
      onFinish={async (values) => {
        setFailure(null);
        const result = await update({
          input: { id: team.id, version: team.version, backingUnitId: values.backingUnitId ?? '' },
        });
        save(result, result.data?.updateWorkTeam);
      }}
      initialValues={{ backingUnitId: team.backingUnitId }}
      submitting={fetching}
      onClose={() => onClose(false)}
    >
      <RequiredItem label={words.fieldBackingUnit} name="backingUnitId">
        <UnitSelect selectedUnit={null} placeholder={team.backingUnitName} />
      </RequiredItem>
    </EditingFormDrawer>
  );
}

interface MemberValues {
  cadreId: string | null;
  role: 'CAPTAIN' | 'FIRST_SECRETARY' | 'MEMBER';
  startDate?: string;
}

export function AddMemberModal({ team, onClose }: { team: TeamRow; onClose: (saved: boolean) => void }) {
  const words = useWords(assistanceWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const today = useCountyToday();
  const [form] = Form.useForm<MemberValues>();
  const { failure, settle } = useMutationForm<MemberValues>({ form, fields: ['startDate'] });
  const [{ fetching }, add] = useMutation(AddMemberMutation);
  return (
    <FormModal
      title={`${words.addMember}：${team.village.name}`}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
      failureTestId="add-member-failure"
    >
      <Form<MemberValues>
        form={form}
        layout="vertical"
        initialValues={{ role: 'MEMBER' }}
        onFinish={async (values) => {
          const result = await add({
            input: {
              workTeamId: team.id,
              cadreId: values.cadreId ?? '',
              role: values.role,
              startDate: values.startDate || null,
            },
          });
          if (!settle(result, result.data?.addWorkTeamMember)) return;
          message.success(words.saved);
          onClose(true);
        }}
      >
        <RequiredItem label={words.fieldMember} name="cadreId">
          <HelperSelect />
        </RequiredItem>
        <RequiredItem label={words.fieldRole} name="role">
          <Select options={enumOptions('WorkTeamRole', locale)} />
        </RequiredItem>
        <Form.Item label={words.fieldStartDate} name="startDate">
          <DateInput max={today} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function EndMembershipModal({
  member,
  onClose,
}: {
  member: TeamRow['members'][number];
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(assistanceWords);
  return (
    <EndOnDateModal
      title={fill(words.endMembershipTitle, { name: member.cadreName })}
      dateLabel={words.fieldEndDate}
      cancelText={words.cancel}
      submitText={words.save}
      record={member}
      mutation={EndMembershipMutation}
      outcomeOf={(data) => data?.endWorkTeamMembership}
      onClose={onClose}
    />
  );
}
