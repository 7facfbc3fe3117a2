import { graphql } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Divider, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { editWords } from '../edit-words.ts';
import { AddCadreControl, useMemberOutcome } from './AddCadreControl.tsx';
import { MembershipList } from './MembershipList.tsx';

const SaveCommandPost = graphql.persisted(
  'admin/AdminSaveCommandPost',
  graphql(
    `
  mutation AdminSaveCommandPost($input: CommandPostInput!) {
    saveCommandPost(input: $input) {
      __typename
      ... on MutationSaveCommandPostSuccess { data { id version name establishedOn } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const EndPostMember = graphql.persisted(
  'admin/AdminEndCommandPostMembership',
  graphql(
    `
  mutation AdminEndCommandPostMembership($input: EndCommandPostMembershipInput!) {
    endCommandPostMembership(input: $input) {
      __typename
      ... on MutationEndCommandPostMembershipSuccess { data { id } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const AddPostMember = graphql.persisted(
  'admin/AdminAddCommandPostMember',
  graphql(
    `
  mutation AdminAddCommandPostMember($input: AddCommandPostMemberInput!) {
    addCommandPostMember(input: $input) {
      __typename
      ... on MutationAddCommandPostMemberSuccess { data { id } }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

type Role = 'COMMANDER' | 'DEPUTY_COMMANDER';

export interface EditedPost {
  id: string;
  version: number;
  name: string;
  establishedOn: string;
  memberships: {
    id: string;
    version: number;
    role: Role;
    name: string;
    post: string;
    endedOn: string | null;
  }[];
}

interface Values {
  name: string;
  establishedOn: string;
}

/** 编辑指挥部: its name and founding day, and its commander and deputies (appoint one, or one leaves office). */
export function CommandPostDrawer({
  post,
  onChanged,
  onClose,
}: {
  post: EditedPost;
  onChanged: () => void;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(editWords);
  const [form] = Form.useForm<Values>();
  const save = useCreateForm({ form, mutation: SaveCommandPost, fields: ['name', 'establishedOn'], onClose });
  return (
    <CreateFormDrawer<Values>
      width={620}
      title={words.editPost}
      create={save}
      initialValues={{ name: post.name, establishedOn: post.establishedOn }}
      onFinish={(values) =>
        save.save(
          { input: { id: post.id, version: post.version, ...values } },
          (data) => data?.saveCommandPost,
        )
      }
    >
      <RequiredItem label={words.postName} name="name" whitespace>
        <Input maxLength={100} />
      </RequiredItem>
      <RequiredItem label={words.postEstablishedOn} name="establishedOn">
        <DateInput id="command-post-established-on" />
      </RequiredItem>
      <PostMembers post={post} onChanged={onChanged} />
    </CreateFormDrawer>
  );
}

function PostMembers({ post, onChanged }: { post: EditedPost; onChanged: () => void }) {
  const words = useWords(editWords);
  const settle = useMemberOutcome(onChanged);
  const [role, setRole] = useState<Role>('DEPUTY_COMMANDER');
  const [{ fetching: adding }, add] = useMutation(AddPostMember);
  const [{ fetching: ending }, end] = useMutation(EndPostMember);
  const roleLabel = (r: Role) => (r === 'COMMANDER' ? words.roleCommander : words.roleDeputy);
  return (
    <>
      <Divider>{words.members}</Divider>
      <AddCadreControl
        id="add-post-member-cadre"
        testId="add-post-member"
        adding={adding}
        before={
          <Select<Role>
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            data-testid="post-member-role"
            options={(['DEPUTY_COMMANDER', 'COMMANDER'] as const).map((r) => ({
              value: r,
              label: roleLabel(r),
            }))}
          />
        }
        onAdd={async (cadreId) => {
          const r = await add({ input: { commandPostId: post.id, cadreId, role } });
          return settle(r.data?.addCommandPostMember, r.error);
        }}
      />
      <MembershipList
        memberships={post.memberships}
        testId="post-members"
        words={{ end: words.leaveOffice, confirm: words.leaveOfficeConfirm, endedOn: words.leftOfficeOn }}
        ending={ending}
        tagOf={(m) => <Tag key="role">{roleLabel(m.role)}</Tag>}
        onEnd={async (m) => {
          const r = await end({ input: { membershipId: m.id, version: m.version } });
          settle(r.data?.endCommandPostMembership, r.error);
        }}
      />
    </>
  );
}
