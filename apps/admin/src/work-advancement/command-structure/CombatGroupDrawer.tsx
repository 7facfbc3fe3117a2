import { graphql } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Divider, Form, Input, InputNumber } from 'antd';
import { useMutation } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { CadreSelect } from '../../shared/pickers.tsx';
import { editWords } from '../edit-words.ts';
import { AddCadreControl, useMemberOutcome } from './AddCadreControl.tsx';
import { MembershipList } from './MembershipList.tsx';

const SaveCombatGroup = graphql.persisted(
  'admin/AdminSaveCombatGroup',
  graphql(
    `
  mutation AdminSaveCombatGroup($input: CombatGroupInput!) {
    saveCombatGroup(input: $input) {
      __typename
      ... on MutationSaveCombatGroupSuccess { data { id version name } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const AddMember = graphql.persisted(
  'admin/AdminAddCombatGroupMember',
  graphql(
    `
  mutation AdminAddCombatGroupMember($input: AddCombatGroupMemberInput!) {
    addCombatGroupMember(input: $input) {
      __typename
      ... on MutationAddCombatGroupMemberSuccess { data { id memberCount } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const EndMembership = graphql.persisted(
  'admin/AdminEndCombatGroupMembership',
  graphql(
    `
  mutation AdminEndCombatGroupMembership($input: EndCombatGroupMembershipInput!) {
    endCombatGroupMembership(input: $input) {
      __typename
      ... on MutationEndCombatGroupMembershipSuccess { data { id memberCount } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export interface EditedGroup {
  id: string;
  version: number;
  name: string;
  remit: string;
  sortOrder: number;
  leader: { id: string; name: string } | null;
  memberships: { id: string; version: number; name: string; post: string; endedOn: string | null }[];
}

interface Values {
  name: string;
  remit: string;
  leaderId: string;
  sortOrder: number;
}

/** 编辑战斗组: name, remit, leader and order, and its members (add one; end one, kept as history). */
export function CombatGroupDrawer({
  group,
  commandPostId,
  onChanged,
  onClose,
}: {
  group: EditedGroup | null;
  commandPostId: string;
  onChanged: () => void;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(editWords);
  const [form] = Form.useForm<Values>();
  const save = useCreateForm({
    form,
    mutation: SaveCombatGroup,
    fields: ['name', 'remit', 'leaderId'],
    onClose,
  });
  return (
    <CreateFormDrawer<Values>
      width={620}
      title={group ? words.editGroup : words.createGroup}
      create={save}
      initialValues={
        group
          ? { name: group.name, remit: group.remit, sortOrder: group.sortOrder, leaderId: group.leader?.id }
          : { sortOrder: 99 }
      }
      onFinish={(values) =>
        save.save(
          {
            input: group ? { id: group.id, version: group.version, ...values } : { commandPostId, ...values },
          },
          (data) => data?.saveCombatGroup,
        )
      }
    >
      <RequiredItem label={words.groupName} name="name" whitespace>
        <Input maxLength={60} />
      </RequiredItem>
      <RequiredItem label={words.groupRemit} name="remit" whitespace>
        <Input.TextArea rows={2} maxLength={500} />
      </RequiredItem>
      <RequiredItem label={words.groupLeader} name="leaderId">
        <CadreSelect selected={group?.leader ?? null} placeholder={words.chooseCadre} />
      </RequiredItem>
      <RequiredItem label={words.groupOrder} name="sortOrder">
        <InputNumber min={0} max={999} />
      </RequiredItem>
      {group && <Members group={group} onChanged={onChanged} />}
    </CreateFormDrawer>
  );
}

function Members({ group, onChanged }: { group: EditedGroup; onChanged: () => void }) {
  const words = useWords(editWords);
  const settle = useMemberOutcome(onChanged);
  const [{ fetching: adding }, add] = useMutation(AddMember);
  const [{ fetching: ending }, end] = useMutation(EndMembership);
  return (
    <>
      <Divider>{words.members}</Divider>
      <AddCadreControl
        id="add-member-cadre"
        testId="add-member"
        adding={adding}
        onAdd={async (cadreId) => {
          const r = await add({ input: { combatGroupId: group.id, cadreId } });
          return settle(r.data?.addCombatGroupMember, r.error);
        }}
      />
      <MembershipList
        memberships={group.memberships}
        testId="group-members"
        words={{ end: words.endMembership, confirm: words.endMembershipConfirm, endedOn: words.leftOn }}
        ending={ending}
        onEnd={async (m) => {
          const r = await end({ input: { membershipId: m.id, version: m.version } });
          settle(r.data?.endCombatGroupMembership, r.error);
        }}
      />
    </>
  );
}
