import { type FragmentOf, graphql, type ResultOf, readFragment } from '@gongjian/schema';
import { fill, useWords } from '@gongjian/ui';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { EditingFormDrawer, useEditingForm } from '../../shared/EditingFormDrawer.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { adminWords } from '../../words.ts';
import { householdFormWords } from './formWords.ts';
import {
  MemberFields,
  type MemberFormValues,
  memberFormFields,
  memberInputOf,
  newMemberValues,
} from './MemberFields.tsx';

export const MemberFormDrawer_member = graphql(`
  fragment MemberFormDrawer_member on HouseholdMember {
    id
    version
    name
    idNumber
    relation
    education
    health
    disability
    labourCapacity
    schoolEnrolment
    medicalInsured
  }
`);

const AddMemberMutation = graphql.persisted(
  'admin/AdminAddMember',
  graphql(
    `
    mutation AdminAddMember($input: AddMemberInput!) {
      addMember(input: $input) {
        __typename
        ... on MutationAddMemberSuccess {
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

const UpdateMemberMutation = graphql.persisted(
  'admin/AdminUpdateMember',
  graphql(
    `
    mutation AdminUpdateMember($input: UpdateMemberInput!) {
      updateMember(input: $input) {
        __typename
        ... on MutationUpdateMemberSuccess {
          data {
            id
            ...MemberFormDrawer_member
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MemberFormDrawer_member, MutationFailure_error],
  ),
);

const RemoveMemberMutation = graphql.persisted(
  'admin/AdminRemoveMember',
  graphql(
    `
    mutation AdminRemoveMember($input: RemoveMemberInput!) {
      removeMember(input: $input) {
        __typename
        ... on MutationRemoveMemberSuccess {
          data {
            id
            memberCount
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const LatestMemberQuery = graphql.persisted(
  'admin/AdminLatestMember',
  graphql(
    `
    query AdminLatestMember($id: ID!) {
      node(id: $id) {
        __typename
        ... on HouseholdMember {
          id
          ...MemberFormDrawer_member
        }
      }
    }
  `,
    [MemberFormDrawer_member],
  ),
);

type Member = ResultOf<typeof MemberFormDrawer_member>;

function valuesOf(member: Member): MemberFormValues {
  return {
    name: member.name,
    idNumber: '',
    relation: member.relation,
    education: member.education,
    health: member.health ?? 'HEALTHY',
    disability: member.disability ?? 'NONE',
    labourCapacity: member.labourCapacity,
    schoolEnrolment: member.schoolEnrolment,
    medicalInsured: member.medicalInsured,
  };
}

export interface MemberFormDrawerProps {
  householdId: string;
  /** The member to edit; null adds one. */
  member: FragmentOf<typeof MemberFormDrawer_member> | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Adds a member to a household or edits one; an edit keeps the ID number unless a new one is typed. */
export function MemberFormDrawer({ householdId, member, onClose, onSaved }: MemberFormDrawerProps) {
  const words = useWords(householdFormWords);
  const [form] = Form.useForm<MemberFormValues>();
  const [current, setCurrent] = useState(() =>
    member ? readFragment(MemberFormDrawer_member, member) : null,
  );
  const { failure, setFailure, save, loadLatest } = useEditingForm({
    form,
    fields: memberFormFields,
    onSaved,
    latest: {
      query: LatestMemberQuery,
      typename: 'HouseholdMember',
      onLatest: (latest) => {
        const fields = readFragment(MemberFormDrawer_member, latest);
        setCurrent(fields);
        form.setFieldsValue(valuesOf(fields));
      },
    },
  });
  const [{ fetching: adding }, addMember] = useMutation(AddMemberMutation);
  const [{ fetching: updating }, updateMember] = useMutation(UpdateMemberMutation);

  async function submit(values: MemberFormValues) {
    setFailure(null);
    const { idNumber, ...fields } = memberInputOf(values);
    if (current) {
      const result = await updateMember({
        input: {
          id: current.id,
          version: current.version,
          member: { ...fields, idNumber: idNumber || null },
        },
      });
      save(result, result.data?.updateMember);
    } else {
      const result = await addMember({ input: { householdId, member: { ...fields, idNumber } } });
      save(result, result.data?.addMember);
    }
  }

  return (
    <EditingFormDrawer<MemberFormValues>
      title={current ? words.editMember : words.addMember}
      name="member"
      form={form}
      failure={failure}
      failureTestId="member-form-failure"
      onLoadLatest={() => current && loadLatest(current.id)}
      onFinish={submit}
      initialValues={current ? valuesOf(current) : newMemberValues}
      submitting={adding || updating}
      onClose={onClose}
    >
      <MemberFields keepIdNumber={current?.idNumber} head={current?.relation === 'HEAD'} />
    </EditingFormDrawer>
  );
}

/** Removes a member (death, marriage out…) with the reason the audit log keeps; the head stays. */
export function RemoveMemberModal({
  member,
  onClose,
  onRemoved,
}: {
  member: { id: string; name: string; version: number };
  onClose: () => void;
  onRemoved: () => void;
}) {
  const words = useWords(householdFormWords);
  const common = useWords(adminWords);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { failure, settle } = useMutationForm({ form, fields: ['reason'] });
  const [{ fetching }, remove] = useMutation(RemoveMemberMutation);
  async function submit({ reason }: { reason: string }) {
    const result = await remove({ input: { id: member.id, version: member.version, reason: reason.trim() } });
    if (!settle(result, result.data?.removeMember)) return;
    message.success(common.saved);
    onRemoved();
  }
  return (
    <FormModal
      title={fill(words.removeMemberTitle, { name: member.name })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={common.cancel}
      submitText={words.removeMember}
      failure={failure}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <RequiredItem label={words.removeReason} name="reason" whitespace extra={words.removeReasonHint}>
          <Input.TextArea rows={3} maxLength={500} />
        </RequiredItem>
      </Form>
    </FormModal>
  );
}
