import { auditLog } from '@gongjian/db/schema';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

type Result = { __typename: string; code?: string; ruleId?: string; currentVersion?: number };
type Membership = { id: string; version: number; name: string; endedOn: string | null };
type Group = {
  id: string;
  version: number;
  name: string;
  memberCount: number;
  memberNames: string[];
  viewerCanEdit: boolean;
  memberships: Membership[];
};

const GROUP = `id version name memberCount memberNames viewerCanEdit memberships { id version name endedOn }`;
const ERRORS = `... on Error { code message } ... on ValidationError { fieldErrors { path message } } ... on RuleViolationError { ruleId } ... on ConflictError { currentVersion }`;

async function call<T>(username: string, field: string, input: Record<string, unknown>, select: string) {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const inputType: Record<string, string> = {
    saveCommandPost: 'CommandPostInput',
    saveCombatGroup: 'CombatGroupInput',
  };
  const r = await s.run<Record<string, Result & { data: T }>>(
    username,
    `mutation ($input: ${inputType[field] ?? `${type}Input`}!) { ${field}(input: $input) { __typename
      ... on Mutation${type}Success { data { ${select} } } ${ERRORS} } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return { result: r.data![field]!, statements: s.statements.length };
}

async function firstGroup(username = 'admin') {
  const r = await s.run<{ commandPost: { id: string; combatGroups: Group[] } }>(
    username,
    `{ commandPost { id viewerCanEdit combatGroups { ${GROUP} } } }`,
  );
  expect(r.errors).toBeUndefined();
  return { postId: r.data!.commandPost.id, group: r.data!.commandPost.combatGroups[0]! };
}

async function countyCadre(offset: number) {
  const rows = await s.handle.db.query.cadres.findMany({ orderBy: { id: 'asc' }, limit: 1, offset });
  return { id: globalId('Cadre', rows[0]!.id), name: rows[0]!.name };
}

describe('an administrator keeps the command structure', () => {
  it('adds a member to a combat group and ends another; the one who left stays in its history with the day', async () => {
    const { group } = await firstGroup();
    expect(group.viewerCanEdit).toBe(true);
    const cadre = await countyCadre(300);
    const added = await call<Group>(
      'admin',
      'addCombatGroupMember',
      { combatGroupId: group.id, cadreId: cadre.id },
      GROUP,
    );
    expect(added.result.__typename).toBe('MutationAddCombatGroupMemberSuccess');
    expect(added.result.data.memberCount).toBe(group.memberCount + 1);
    expect(added.result.data.memberNames).toContain(cadre.name);
    expect(added.statements).toBe(6);

    const leaving = group.memberships.find((m) => m.endedOn === null)!;
    const ended = await call<Group>(
      'admin',
      'endCombatGroupMembership',
      { membershipId: leaving.id, version: leaving.version },
      GROUP,
    );
    expect(ended.result.__typename).toBe('MutationEndCombatGroupMembershipSuccess');
    expect(ended.result.data.memberCount).toBe(group.memberCount);
    expect(ended.result.data.memberships.find((m) => m.id === leaving.id)).toMatchObject({
      endedOn: clock.today(),
    });
    expect(ended.statements).toBe(5);

    const again = await call<Group>(
      'admin',
      'endCombatGroupMembership',
      { membershipId: leaving.id, version: leaving.version + 1 },
      GROUP,
    );
    expect(again.result).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'COMBAT_GROUP.MEMBERSHIP_OPEN',
    });
  });

  it('a cadre already in the group is refused with COMBAT_GROUP.MEMBER_ONCE; the leader is not added as a member', async () => {
    const { group } = await firstGroup();
    const current = (await s.handle.db.query.combatGroupMembers.findFirst({
      where: {
        combatGroupId: Number(Buffer.from(group.id, 'base64').toString().split(':')[1]),
        endedOn: { isNull: true },
      },
    }))!;
    const twice = await call<Group>(
      'admin',
      'addCombatGroupMember',
      { combatGroupId: group.id, cadreId: globalId('Cadre', current.cadreId) },
      GROUP,
    );
    expect(twice.result).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'COMBAT_GROUP.MEMBER_ONCE',
    });
  });

  it('creates a combat group, edits it at its version, and a stale version is a conflict carrying the current one', async () => {
    const { postId } = await firstGroup();
    const leader = await countyCadre(310);
    const input = {
      commandPostId: postId,
      name: '易地搬迁后续扶持组',
      remit: '搬迁群众后续扶持',
      leaderId: leader.id,
      sortOrder: 20,
    };
    const created = await call<Group>('admin', 'saveCombatGroup', input, GROUP);
    expect(created.result.__typename).toBe('MutationSaveCombatGroupSuccess');
    expect(created.result.data).toMatchObject({ name: '易地搬迁后续扶持组', memberCount: 0, version: 1 });
    const edit = {
      id: created.result.data.id,
      version: 1,
      name: '易地搬迁后续扶持战斗组',
      remit: '后续扶持',
      leaderId: leader.id,
      sortOrder: 21,
    };
    const edited = await call<Group>('admin', 'saveCombatGroup', edit, GROUP);
    expect(edited.result.data).toMatchObject({ name: '易地搬迁后续扶持战斗组', version: 2 });
    expect([created.statements, edited.statements]).toEqual([6, 6]);
    const stale = await call<Group>('admin', 'saveCombatGroup', edit, GROUP);
    expect(stale.result).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
    const [audit] = await s.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'combat-group.update'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit!.before).toMatchObject({ name: '易地搬迁后续扶持组' });
    expect(audit!.after).toMatchObject({ name: '易地搬迁后续扶持战斗组' });
  });

  it('a county has one command post, and the post one commander', async () => {
    const { postId } = await firstGroup();
    const second = await call(
      'admin',
      'saveCommandPost',
      { name: '第二个指挥部', establishedOn: '2019-01-01' },
      'id',
    );
    expect(second.result).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'COMMAND_POST.ONE_PER_COUNTY',
    });
    const cadre = await countyCadre(320);
    const commander = await call(
      'admin',
      'addCommandPostMember',
      { commandPostId: postId, cadreId: cadre.id, role: 'COMMANDER' },
      'id',
    );
    expect(commander.result).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'COMMAND_POST.ONE_COMMANDER',
    });
    const deputy = await call<{ members: { name: string; role: string }[] }>(
      'admin',
      'addCommandPostMember',
      { commandPostId: postId, cadreId: cadre.id, role: 'DEPUTY_COMMANDER' },
      'members { name role }',
    );
    expect(deputy.statements).toBe(5);
    expect(deputy.result.data.members).toContainEqual({ name: cadre.name, role: 'DEPUTY_COMMANDER' });
  });

  it('a commander leaves office: the post keeps the day in its history, and a new commander can be appointed', async () => {
    const { postId } = await firstGroup();
    type Member = { id: string; version: number; name: string; role: string; endedOn: string | null };
    type Post = { members: Member[]; memberships: Member[] };
    const POST = 'members { id version name role endedOn } memberships { id version name role endedOn }';
    const before = await s.run<{ commandPost: Post }>('admin', `{ commandPost { ${POST} } }`);
    const commander = before.data!.commandPost.members.find((m) => m.role === 'COMMANDER')!;
    const ended = await call<Post>(
      'admin',
      'endCommandPostMembership',
      { membershipId: commander.id, version: commander.version },
      POST,
    );
    expect(ended.result.__typename).toBe('MutationEndCommandPostMembershipSuccess');
    expect(ended.statements).toBe(5);
    expect(ended.result.data.members.map((m) => m.id)).not.toContain(commander.id);
    expect(ended.result.data.memberships.at(-1)).toMatchObject({ id: commander.id, endedOn: clock.today() });
    const [audit] = await s.handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'command-post.end-member', entityType: 'CommandPost' });

    const again = await call(
      'admin',
      'endCommandPostMembership',
      { membershipId: commander.id, version: commander.version + 1 },
      'id',
    );
    expect(again.result).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'COMMAND_POST.MEMBERSHIP_OPEN',
    });

    const successor = await countyCadre(340);
    const appointed = await call<Post>(
      'admin',
      'addCommandPostMember',
      { commandPostId: postId, cadreId: successor.id, role: 'COMMANDER' },
      POST,
    );
    expect(appointed.result.__typename).toBe('MutationAddCommandPostMemberSuccess');
    expect(appointed.result.data.members[0]).toMatchObject({ name: successor.name, role: 'COMMANDER' });
  });

  it('a township clerk may not end an appointment, and learns nothing of it', async () => {
    const r = await s.run<{ commandPost: { members: { id: string; version: number }[] } }>(
      'admin',
      '{ commandPost { members { id version } } }',
    );
    const member = r.data!.commandPost.members[0]!;
    const refused = await s.run(
      'township',
      `mutation ($input: EndCommandPostMembershipInput!) { endCommandPostMembership(input: $input) { __typename } }`,
      { input: { membershipId: member.id, version: member.version } },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a township clerk sees the groups but may not edit them', async () => {
    const { group } = await firstGroup('township');
    expect(group.viewerCanEdit).toBe(false);
    const cadre = await countyCadre(330);
    const r = await s.run(
      'township',
      `mutation ($input: AddCombatGroupMemberInput!) { addCombatGroupMember(input: $input) { __typename } }`,
      {
        input: { combatGroupId: group.id, cadreId: cadre.id },
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

type Record_ = {
  id: string;
  version: number;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  withdrawnByName: string | null;
  viewerCanEdit: boolean;
  viewerCanWithdraw: boolean;
};
const RECORD = 'id version withdrawnOn withdrawnReason withdrawnByName viewerCanEdit viewerCanWithdraw';

describe('meetings, resolutions and documents are edited and withdrawn, never deleted', () => {
  it('a meeting is edited (the audit keeps before and after), withdrawn with a reason, stays listed, and then refuses edits', async () => {
    const list = await s.run<{
      meetings: {
        totalCount: number;
        edges: { node: Record_ & { topic: string; heldOn: string; type: string; attendees: string[] } }[];
      };
    }>(
      'admin',
      `{ meetings(first: 1) { totalCount edges { node { ${RECORD} topic heldOn type attendees } } } }`,
    );
    const before = list.data!.meetings;
    const meeting = before.edges[0]!.node;
    expect(meeting).toMatchObject({ withdrawnOn: null, viewerCanEdit: true, viewerCanWithdraw: true });
    const edit = {
      id: meeting.id,
      version: meeting.version,
      type: meeting.type,
      heldOn: meeting.heldOn,
      topic: `${meeting.topic}(修订)`,
      attendees: meeting.attendees,
    };
    const edited = await call<Record_>('admin', 'updateMeeting', edit, RECORD);
    expect(edited.result.__typename).toBe('MutationUpdateMeetingSuccess');
    expect(edited.statements).toBe(4);
    const [audit] = await s.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'meeting.update'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit!.before).toMatchObject({ topic: meeting.topic });
    expect(audit!.after).toMatchObject({ topic: `${meeting.topic}(修订)` });

    const withdrawn = await call<Record_>(
      'admin',
      'withdrawMeeting',
      { id: meeting.id, version: meeting.version + 1, reason: '会议记录重复登记' },
      RECORD,
    );
    expect(withdrawn.result.data).toMatchObject({
      withdrawnOn: clock.today(),
      withdrawnReason: '会议记录重复登记',
      withdrawnByName: expect.any(String),
      viewerCanEdit: false,
      viewerCanWithdraw: false,
    });
    expect(withdrawn.statements).toBe(4);
    const after = await s.run<{ meetings: { totalCount: number } }>('admin', '{ meetings { totalCount } }');
    expect(after.data!.meetings.totalCount).toBe(before.totalCount);
    const refused = await call('admin', 'updateMeeting', { ...edit, version: meeting.version + 2 }, 'id');
    expect(refused.result).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'RECORD.WITHDRAWN' });
    const twice = await call(
      'admin',
      'withdrawMeeting',
      { id: meeting.id, version: meeting.version + 2, reason: '再撤一次' },
      'id',
    );
    expect(twice.result).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'RECORD.WITHDRAWN' });
  });

  it('a withdrawal needs a reason and a day between the record’s own and today', async () => {
    const r = await s.run<{ resolutions: { edges: { node: Record_ & { adoptedOn: string } }[] } }>(
      'admin',
      `{ resolutions(first: 1) { edges { node { ${RECORD} adoptedOn } } } }`,
    );
    const resolution = r.data!.resolutions.edges[0]!.node;
    const noReason = await call(
      'admin',
      'withdrawResolution',
      { id: resolution.id, version: resolution.version, reason: ' ' },
      'id',
    );
    expect(noReason.result.__typename).toBe('ValidationError');
    const early = await call(
      'admin',
      'withdrawResolution',
      { id: resolution.id, version: resolution.version, reason: '误登记', withdrawnOn: '2000-01-01' },
      'id',
    );
    expect(early.result).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'RECORD.WITHDRAW_DATE' });
    const done = await call<Record_>(
      'admin',
      'withdrawResolution',
      { id: resolution.id, version: resolution.version, reason: '误登记' },
      RECORD,
    );
    expect(done.result.data).toMatchObject({ withdrawnReason: '误登记', viewerCanEdit: false });
    expect(done.statements).toBe(4);
  });

  it('a policy document is edited at its version; a township clerk may neither edit nor withdraw it', async () => {
    const r = await s.run<{
      policyDocuments: {
        edges: {
          node: Record_ & {
            kind: string;
            documentNumber: string;
            title: string;
            issuer: string;
            issuedOn: string;
          };
        }[];
      };
    }>(
      'admin',
      `{ policyDocuments(first: 1) { edges { node { ${RECORD} kind documentNumber title issuer issuedOn } } } }`,
    );
    const { withdrawnOn, withdrawnReason, withdrawnByName, viewerCanEdit, viewerCanWithdraw, ...doc } =
      r.data!.policyDocuments.edges[0]!.node;
    const edited = await call<{ title: string; version: number }>(
      'admin',
      'updatePolicyDocument',
      { ...doc, title: `${doc.title}(修订)` },
      'title version',
    );
    expect(edited.result.data).toEqual({ title: `${doc.title}(修订)`, version: doc.version + 1 });
    expect(edited.statements).toBe(4);
    const township = await s.run<{ node: Record_ }>(
      'township',
      `query ($id: ID!) { node(id: $id) { ... on PolicyDocument { ${RECORD} } } }`,
      { id: doc.id },
    );
    expect(township.data!.node).toMatchObject({ viewerCanEdit: false, viewerCanWithdraw: false });
  });
});
