import { addDays, ageOn, idNumberCheckCharacter } from '@gongjian/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import { freshIdNumber, HEAD, householdWithFacts } from './identification-helpers';

/** PIPL art. 6 (minimum necessary) and 51: what a role that may not unmask receives cannot give back what is masked. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const ROLES_THAT_MAY_NOT_UNMASK = ['township', 'village', 'helper', 'supervisor', 'auditor'];

/** Every field of HouseholdMember a client can select without arguments, read from the schema itself. */
async function memberLeafFields(): Promise<string[]> {
  const r = await s.run<{
    __type: {
      fields: { name: string; args: unknown[]; type: { kind: string; ofType: { kind: string } | null } }[];
    };
  }>(
    'admin',
    `{ __type(name: "HouseholdMember") { fields { name args { name } type { kind ofType { kind } } } } }`,
  );
  const leaf = (kind: string | undefined) => kind === 'SCALAR' || kind === 'ENUM';
  return r
    .data!.__type.fields.filter((f) => f.args.length === 0)
    .filter((f) => leaf(f.type.kind) || (f.type.kind === 'NON_NULL' && leaf(f.type.ofType?.kind)))
    .map((f) => f.name);
}

/** ID numbers that agree with all a viewer sees: the area code and the tail, a birth date giving the age today. */
function candidatesFor(masked: string, age: number): string[] {
  const area = masked.slice(0, 6);
  const tail = masked.slice(-4);
  const today = clock.today();
  const candidates: string[] = [];
  const first = new Date(`${Number(today.slice(0, 4)) - age - 1}-01-01T00:00:00Z`);
  for (let day = 0; day < 800; day++) {
    const birthDate = new Date(first.getTime() + day * 86_400_000).toISOString().slice(0, 10);
    if (ageOn(birthDate, today) !== age) continue;
    const first17 = `${area}${birthDate.replaceAll('-', '')}${tail.slice(0, 3)}`;
    if (idNumberCheckCharacter(first17) === tail[3]) candidates.push(first17 + tail[3]);
  }
  return candidates;
}

describe('masked ID numbers stay masked', () => {
  it.each(ROLES_THAT_MAY_NOT_UNMASK)(
    '%s receives no birth date, and no member’s ID number can be rebuilt from what it receives',
    async (username) => {
      const fields = await memberLeafFields();
      expect(fields).toEqual(expect.arrayContaining(['idNumber', 'age', 'sex']));
      expect(fields).not.toContain('birthDate');
      const r = await s.run<{ households: { edges: { node: { members: Record<string, unknown>[] } }[] } }>(
        username,
        `{ households(first: 20) { edges { node { members { ${fields.join(' ')} } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      const members = r.data!.households.edges.flatMap((e) => e.node.members);
      expect(members.length).toBeGreaterThan(5);
      for (const member of members) {
        const row = (await s.handle.db.query.householdMembers.findFirst({
          where: { id: Number(Buffer.from(String(member.id), 'base64').toString().split(':')[1]) },
        }))!;
        const received = JSON.stringify(member);
        expect(received).not.toContain(row.idNumber.slice(6, 14));
        expect(received).not.toContain(row.birthDate);
        const candidates = candidatesFor(String(member.idNumber), Number(member.age));
        expect(candidates).toContain(row.idNumber);
        expect(candidates.length).toBeGreaterThan(10);
      }
    },
  );

  it('the audit log keeps neither the ID number nor the birth date of a member added or changed', async () => {
    const householdId = await householdWithFacts(s);
    const idNumber = freshIdNumber();
    const r = await s.run<{ addMember: { __typename: string } }>(
      'village',
      `mutation ($input: AddMemberInput!) { addMember(input: $input) { __typename } }`,
      { input: { householdId, member: { ...HEAD(idNumber), name: '盘小军', relation: 'SON' } } },
    );
    expect(r.data!.addMember.__typename).toBe('MutationAddMemberSuccess');
    const audit = await s.handle.db.query.auditLog.findMany({ where: { action: 'member.create' } });
    expect(audit.length).toBeGreaterThan(0);
    for (const row of audit) {
      const details = JSON.stringify(row);
      expect(details).not.toContain(idNumber.slice(6, 14));
      expect(details).not.toContain(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}`);
    }
  });
});

describe('every attempt to unmask is audited, the refused ones too', () => {
  const REVEAL = /* GraphQL */ `mutation ($input: RevealPersonalDataInput!) { revealMemberIdNumber(input: $input) {
    __typename ... on Error { code } } }`;

  it('a role without the unmask permission is refused, and the attempt is in the audit log with its reason', async () => {
    const member = (await s.handle.db.query.householdMembers.findFirst())!;
    const r = await s.run<{ revealMemberIdNumber: { code: string } }>('village', REVEAL, {
      input: { id: globalId('HouseholdMember', member.id), reason: '想看看' },
    });
    expect(r.data!.revealMemberIdNumber.code).toBe('FORBIDDEN');
    const village = await s.viewer('village');
    const audit = await s.handle.db.query.auditLog.findMany({
      where: { action: 'personal-data.reveal-refused', actorUserId: village.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entityType: 'HouseholdMember',
      entityId: String(member.id),
      reason: '想看看',
      after: { field: 'idNumber', refusal: 'NO_UNMASK_PERMISSION' },
    });
  });

  it('a look at a row that does not exist is NOT_FOUND and audited; a phone look is audited the same way', async () => {
    const missing = await s.run<{ revealMemberIdNumber: { code: string } }>('admin', REVEAL, {
      input: { id: globalId('HouseholdMember', 99_999_999), reason: '核实身份' },
    });
    expect(missing.data!.revealMemberIdNumber.code).toBe('NOT_FOUND');
    const cadre = (await s.handle.db.query.cadres.findFirst())!;
    const phone = await s.run<{ revealCadrePhone: { code: string } }>(
      'helper',
      `mutation ($input: RevealCadrePhoneInput!) { revealCadrePhone(input: $input) { __typename ... on Error { code } } }`,
      { input: { id: globalId('Cadre', cadre.id), reason: '联系干部' } },
    );
    expect(phone.data!.revealCadrePhone.code).toBe('FORBIDDEN');
    const refused = await s.handle.db.query.auditLog.findMany({
      where: { action: 'personal-data.reveal-refused' },
      orderBy: { id: 'asc' },
    });
    expect(refused.map((a) => [a.entityType, (a.after as { refusal: string }).refusal])).toEqual(
      expect.arrayContaining([
        ['HouseholdMember', 'NOT_FOUND'],
        ['Cadre', 'NO_UNMASK_PERMISSION'],
      ]),
    );
  });
});

describe('ID numbers no person can hold are refused with the reason', () => {
  const ADD = `mutation ($input: AddMemberInput!) { addMember(input: $input) { __typename
    ... on ValidationError { fieldErrors { path message } } } }`;
  const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

  it.each([
    [
      'a birth date after today',
      () => withCheck(`431129${addDays(clock.today(), 1).replaceAll('-', '')}701`),
      '身份证号中的出生日期晚于今天',
    ],
    [
      'an unknown area code',
      () => withCheck('99112919800101701'),
      '身份证号的地址码 991129 不是有效的行政区划代码 (GB/T 2260)',
    ],
  ])('%s', async (_case, idNumber, message) => {
    const householdId = await householdWithFacts(s);
    const r = await s.run<{
      addMember: { __typename: string; fieldErrors: { path: string[]; message: string }[] };
    }>('village', ADD, {
      input: { householdId, member: { ...HEAD(idNumber()), name: '盘小军', relation: 'SON' } },
    });
    expect(r.data!.addMember.fieldErrors).toEqual([{ path: ['idNumber'], message }]);
  });
});
