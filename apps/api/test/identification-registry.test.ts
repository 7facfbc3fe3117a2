import { auditLog, householdMembers, households } from '@gongjian/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import {
  CREATE_HOUSEHOLD,
  freshIdNumber,
  HEAD,
  householdWithFacts,
  RECORD_INCOME,
  villageOf,
} from './identification-helpers';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

interface ListResult {
  households: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        householdNumber: string;
        status: string;
        phone: string | null;
        village: { name: string };
        head: { name: string; idNumber: string } | null;
      };
    }[];
  };
}

const LIST = /* GraphQL */ `
  query ($search: String, $status: [HouseholdStatus!], $regionId: ID, $first: Int) {
    households(search: $search, status: $status, regionId: $regionId, first: $first) {
      totalCount
      edges { node { id householdNumber status attribute mainCause memberCount phone monitored
        village { name } head { name idNumber } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const DETAIL = /* GraphQL */ `
  query ($id: ID!) {
    household(id: $id) {
      householdNumber status phone identifiedYear exitedYear availableApplicationKinds
      village { name parent { name } }
      members { id name idNumber relation sex age health disability labourCapacity schoolEnrolment }
      incomes { year householdSize perCapitaNetIncomeYuan incomeLineYuan lineCheck { outcome reasons { ruleId } } }
      guarantees { year housingGrade evaluation { outcome reasons { ruleId passed } } }
      measures { kind status description }
      applications { kind state nextStep rulesAdvice rulesExplanation { ruleId passed messageZh }
        steps { sequence step decision actorName actorRole actedOn } }
      monitoringObjects { type state responsibleCadreName }
      exitVerifications { year outcome }
      exclusionFindings { ruleId state }
      assessment(year: 2019) { perCapitaNetIncomeYuan inclusion { outcome reasons { ruleId } } exit { outcome } monitoring { outcome } }
    }
  }`;

async function countyHouseholds(status: string) {
  return s.handle.db.$count(households, eq(households.status, status as 'POOR'));
}

describe('household list', () => {
  it('a page of households with village, head and member count, plus the total, is two statements', async () => {
    const r = await s.run<ListResult>('admin', LIST, { first: 50 });
    const issued = s.statements.length;
    expect(r.errors).toBeUndefined();
    expect(r.data!.households.edges).toHaveLength(50);
    expect(r.data!.households.totalCount).toBe(await s.handle.db.$count(households));
    expect(issued).toBe(2);
  });

  it('ID numbers and phones are masked in the list', async () => {
    const r = await s.run<ListResult>('admin', LIST, { first: 20 });
    for (const { node } of r.data!.households.edges) {
      expect(node.head!.idNumber).toMatch(/^431129\*{8}[\dX]{4}$/);
      if (node.phone) expect(node.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
  });

  it('filters by status count the same rows as the database, in SQL', async () => {
    const r = await s.run<ListResult>('admin', LIST, { status: ['POOR', 'RETURNED'], first: 5 });
    expect(r.data!.households.totalCount).toBe(
      (await countyHouseholds('POOR')) + (await countyHouseholds('RETURNED')),
    );
    expect(r.data!.households.edges.every((e) => ['POOR', 'RETURNED'].includes(e.node.status))).toBe(true);
  });

  it('searching by the last four characters of an ID number finds the household', async () => {
    const member = (await s.handle.db.query.householdMembers.findFirst({ where: { relation: 'SPOUSE' } }))!;
    const r = await s.run<ListResult>('admin', LIST, { search: member.idNumber.slice(-4), first: 100 });
    expect(
      r.data!.households.edges.map((e) => Number(Buffer.from(e.node.id, 'base64').toString().split(':')[1])),
    ).toContain(member.householdId);
    const masked = await s.run<ListResult>('admin', LIST, {
      search: `431129********${member.idNumber.slice(-4)}`,
      first: 100,
    });
    expect(masked.data!.households.totalCount).toBe(r.data!.households.totalCount);
  });

  it('searching by head name finds the household', async () => {
    const head = (await s.handle.db.query.householdMembers.findFirst({ where: { relation: 'HEAD' } }))!;
    const r = await s.run<ListResult>('admin', LIST, { search: head.name, first: 100 });
    expect(r.data!.households.edges.some((e) => e.node.head!.name === head.name)).toBe(true);
  });

  it('a village clerk sees only the households of their village, whatever the region filter asks', async () => {
    const village = await villageOf(s, 'village');
    const mine = await s.handle.db.$count(households, eq(households.villageId, village.id));
    const r = await s.run<ListResult>('village', LIST, { first: 100 });
    expect(r.data!.households.totalCount).toBe(mine);
    expect(new Set(r.data!.households.edges.map((e) => e.node.village.name))).toEqual(
      new Set([village.name]),
    );
    const other = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', NOT: { id: village.id } },
    }))!;
    const foreign = await s.run<ListResult>('village', LIST, {
      regionId: globalId('Region', other.id),
      first: 10,
    });
    expect(foreign.data!.households.totalCount).toBe(0);
  });

  it('a leader (summaries only) cannot read the registry', async () => {
    const r = await s.run('leader', LIST, { first: 1 });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('exit verifications', () => {
  it('a page of verifications with their total is two statements, and a search finds one household’s', async () => {
    const PAGE = `query ($search: String) { exitVerifications(first: 20, search: $search) {
      totalCount edges { node { year outcome household { householdNumber } } } } }`;
    type Page = {
      exitVerifications: {
        totalCount: number;
        edges: { node: { household: { householdNumber: string } } }[];
      };
    };
    const all = await s.run<Page>('admin', PAGE);
    expect(s.statements.length).toBe(2);
    expect(all.data!.exitVerifications.totalCount).toBeGreaterThan(20);
    const number = all.data!.exitVerifications.edges[0]!.node.household.householdNumber;
    const found = await s.run<Page>('admin', PAGE, { search: number });
    expect(s.statements.length).toBe(2);
    expect(found.data!.exitVerifications.totalCount).toBeGreaterThanOrEqual(1);
    expect(
      found.data!.exitVerifications.edges.every((e) => e.node.household.householdNumber.startsWith(number)),
    ).toBe(true);
  });
});

describe('household detail', () => {
  it('members, incomes, guarantees, measures, applications with steps and the rules assessment in one statement', async () => {
    const app = (await s.handle.db.query.statusApplications.findFirst({
      where: { kind: 'EXIT', stepsDone: 2 },
    }))!;
    const r = await s.run<{ household: Record<string, unknown> & { applications: { steps: unknown[] }[] } }>(
      'admin',
      DETAIL,
      {
        id: globalId('Household', app.householdId),
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.household.applications[0]!.steps).toHaveLength(2);
    expect(r.data!.household).toMatchObject({
      status: 'POOR',
      availableApplicationKinds: ['EXIT', 'REMOVE_WRONGLY_INCLUDED'],
      assessment: { exit: { outcome: 'ELIGIBLE' }, inclusion: { outcome: 'NOT_INCLUDE' } },
    });
    expect(s.statements).toHaveLength(1);
  });

  it('health, disability and incomes are hidden from roles that do not need them', async () => {
    const household = (await s.handle.db.query.households.findFirst({ where: { status: 'EXITED' } }))!;
    const r = await s.run<{
      household: {
        incomes: unknown;
        assessment: unknown;
        members: { health: unknown; age: number }[];
      };
    }>('auditor', DETAIL, { id: globalId('Household', household.id) });
    expect(r.data!.household.incomes).toBeNull();
    expect(r.data!.household.assessment).toBeNull();
    expect(r.data!.household.members.every((m) => m.health === null && m.age >= 0)).toBe(true);
    const helperUser = (await s.handle.db.query.users.findFirst({ where: { username: 'helper' } }))!;
    const paired = (await s.handle.db.query.households.findFirst({
      where: {
        pairings: { helperId: helperUser.cadreId!, endDate: { isNull: true } },
        incomes: true,
      },
    }))!;
    const helper = await s.run<{ household: { incomes: unknown[]; members: { health: unknown }[] } }>(
      'helper',
      DETAIL,
      {
        id: globalId('Household', paired.id),
      },
    );
    expect(helper.data!.household.incomes.length).toBeGreaterThan(0);
    expect(helper.data!.household.members.every((m) => m.health !== null)).toBe(true);
  });

  it('a household outside the jurisdiction is not found, and node(id) refuses it', async () => {
    const village = await villageOf(s, 'village');
    const foreign = (await s.handle.db.query.households.findFirst({
      where: { NOT: { villageId: village.id } },
    }))!;
    const r = await s.run<{ household: unknown }>('village', DETAIL, {
      id: globalId('Household', foreign.id),
    });
    expect(r.data!.household).toBeNull();
    const node = await s.run(
      'village',
      `query ($id: ID!) { node(id: $id) { id ... on Household { householdNumber } } }`,
      {
        id: globalId('Household', foreign.id),
      },
    );
    expect(node.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('personal data', () => {
  const REVEAL = /* GraphQL */ `mutation ($input: RevealPersonalDataInput!) { revealMemberIdNumber(input: $input) {
    __typename ... on MutationRevealMemberIdNumberSuccess { data } ... on Error { code } } }`;

  it('revealing an ID number needs the unmask permission and a reason, and is audited', async () => {
    const member = (await s.handle.db.query.householdMembers.findFirst())!;
    const id = globalId('HouseholdMember', member.id);
    const denied = await s.run<{ revealMemberIdNumber: { code: string } }>('township', REVEAL, {
      input: { id, reason: '核实身份' },
    });
    expect(denied.data!.revealMemberIdNumber.code).toBe('FORBIDDEN');
    const noReason = await s.run<{ revealMemberIdNumber: { code: string } }>('admin', REVEAL, {
      input: { id, reason: ' ' },
    });
    expect(noReason.data!.revealMemberIdNumber.code).toBe('VALIDATION');
    const shown = await s.run<{ revealMemberIdNumber: { data: string } }>('admin', REVEAL, {
      input: { id, reason: '核实身份' },
    });
    expect(shown.data!.revealMemberIdNumber.data).toBe(member.idNumber);
    const audit = await s.handle.db.query.auditLog.findMany({
      where: { action: 'personal-data.reveal', entityType: 'HouseholdMember', entityId: String(member.id) },
    });
    expect(audit.map((a) => a.reason)).toEqual(['核实身份']);
  });
});

describe('registry writes', () => {
  type Created = {
    createHousehold: {
      __typename: string;
      code?: string;
      fieldErrors?: { path: string[]; message: string }[];
    };
  };

  it('an invalid ID number is refused naming the field, and nothing is written', async () => {
    const village = await villageOf(s, 'village');
    const before = await s.handle.db.$count(households);
    const good = freshIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await s.run<Created>('village', CREATE_HOUSEHOLD, {
      input: {
        villageId: globalId('Region', village.id),
        householdNumber: 'BAD0001',
        attribute: 'ORDINARY',
        mainCause: 'ILLNESS',
        head: HEAD(bad),
      },
    });
    expect(r.data!.createHousehold).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['head', 'idNumber'], message: '身份证号校验码错误 (GB 11643)' }],
    });
    expect(await s.handle.db.$count(households)).toBe(before);
  });

  it('sex that contradicts the ID number is refused', async () => {
    const village = await villageOf(s, 'village');
    const r = await s.run<Created>('village', CREATE_HOUSEHOLD, {
      input: {
        villageId: globalId('Region', village.id),
        householdNumber: 'SEX0001',
        attribute: 'ORDINARY',
        mainCause: 'ILLNESS',
        head: { ...HEAD(freshIdNumber(true)), sex: 'FEMALE' },
      },
    });
    expect(r.data!.createHousehold.fieldErrors).toEqual([
      { path: ['head', 'sex'], message: '性别与身份证号不一致' },
    ]);
  });

  it('a household in a village outside the jurisdiction is forbidden', async () => {
    const village = await villageOf(s, 'village');
    const other = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', NOT: { id: village.id } },
    }))!;
    const r = await s.run<Created>('village', CREATE_HOUSEHOLD, {
      input: {
        villageId: globalId('Region', other.id),
        householdNumber: 'FAR0001',
        attribute: 'ORDINARY',
        mainCause: 'ILLNESS',
        head: HEAD(),
      },
    });
    expect(r.data!.createHousehold).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('a member whose ID number is already registered is a duplicate, and a second head is refused', async () => {
    const householdId = await householdWithFacts(s);
    const existing = (await s.handle.db.query.householdMembers.findFirst())!;
    const ADD = `mutation ($input: AddMemberInput!) { addMember(input: $input) { __typename
      ... on ValidationError { fieldErrors { path message } } ... on MutationAddMemberSuccess { data { name } } } }`;
    const dup = await s.run<{
      addMember: { __typename: string; fieldErrors: { path: string[]; message: string }[] };
    }>('village', ADD, {
      input: { householdId, member: { ...HEAD(existing.idNumber), relation: 'SON' } },
    });
    expect(dup.data!.addMember.fieldErrors).toEqual([
      { path: ['idNumber'], message: '该身份证号已登记 (每个身份证号只能登记一次)' },
    ]);
    const twoHeads = await s.run<{ addMember: { fieldErrors: { path: string[] }[] } }>('village', ADD, {
      input: { householdId, member: HEAD() },
    });
    expect(twoHeads.data!.addMember.fieldErrors[0]!.path).toEqual(['relation']);
    const son = await s.run<{ addMember: { __typename: string } }>('village', ADD, {
      input: { householdId, member: { ...HEAD(freshIdNumber()), name: '盘小军', relation: 'SON' } },
    });
    expect(son.data!.addMember.__typename).toBe('MutationAddMemberSuccess');
  });

  it('per-capita net income is computed by the rules from the components and the member count', async () => {
    const householdId = await householdWithFacts(s);
    const ADD = `mutation ($input: AddMemberInput!) { addMember(input: $input) { __typename } }`;
    await s.run('village', ADD, {
      input: { householdId, member: { ...HEAD(freshIdNumber(false)), name: '赵秀英', relation: 'SPOUSE' } },
    });
    const r = await s.run<{
      recordIncome: {
        data: { householdSize: number; netIncomeYuan: string; perCapitaNetIncomeYuan: string };
      };
    }>('village', RECORD_INCOME, {
      input: {
        householdId,
        year: 2018,
        wagesYuan: '5000.01',
        businessIncomeYuan: '3000',
        businessCostsYuan: '1000',
        propertyIncomeYuan: '0',
        transferIncomeYuan: '600',
      },
    });
    expect(r.data!.recordIncome.data).toMatchObject({
      householdSize: 2,
      netIncomeYuan: '7600.01',
      perCapitaNetIncomeYuan: '3800.00',
    });
  });

  it('a negative income is refused naming the field; a year already recorded needs its version', async () => {
    const householdId = await householdWithFacts(s);
    const input = {
      householdId,
      year: 2019,
      wagesYuan: '-1',
      businessIncomeYuan: '0',
      businessCostsYuan: '0',
      propertyIncomeYuan: '0',
      transferIncomeYuan: '0',
    };
    const negative = await s.run<{ recordIncome: { fieldErrors: { path: string[] }[] } }>(
      'village',
      RECORD_INCOME,
      { input },
    );
    expect(negative.data!.recordIncome.fieldErrors.map((e) => e.path.join('.'))).toEqual(['wagesYuan']);
    const again = await s.run<{ recordIncome: { fieldErrors: { path: string[] }[] } }>(
      'village',
      RECORD_INCOME,
      {
        input: { ...input, wagesYuan: '100' },
      },
    );
    expect(again.data!.recordIncome.fieldErrors[0]!.path).toEqual(['version']);
    const stale = await s.run<{ recordIncome: { code: string } }>('village', RECORD_INCOME, {
      input: { ...input, wagesYuan: '100', version: 7 },
    });
    expect(stale.data!.recordIncome).toMatchObject({ code: 'CONFLICT' });
  });

  it('every write leaves its audit row with masked personal data', async () => {
    const before = await s.handle.db.$count(auditLog);
    await householdWithFacts(s);
    const rows = await s.handle.db.query.auditLog.findMany({ orderBy: { id: 'desc' }, limit: 3 });
    expect(await s.handle.db.$count(auditLog)).toBe(before + 3);
    expect(rows.map((r) => r.action).sort()).toEqual([
      'guarantee.create',
      'household.create',
      'income.create',
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/4311291\d{10}/);
  });

  it('the head cannot be removed', async () => {
    const householdId = await householdWithFacts(s);
    const id = Number(Buffer.from(householdId, 'base64').toString().split(':')[1]);
    const head = (await s.handle.db.query.householdMembers.findFirst({
      where: { householdId: id, relation: 'HEAD' },
    }))!;
    const r = await s.run<{ removeMember: { __typename: string; fieldErrors: { path: string[] }[] } }>(
      'village',
      `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      { input: { id: globalId('HouseholdMember', head.id), version: head.version, reason: '测试删除' } },
    );
    expect(r.data!.removeMember.__typename).toBe('ValidationError');
    expect(await s.handle.db.$count(householdMembers, eq(householdMembers.id, head.id))).toBe(1);
  });
  it('editing a member without typing the ID number again keeps the registered one', async () => {
    const householdId = await householdWithFacts(s);
    const idNumber = freshIdNumber(false);
    const added = await s.run<{ addMember: { data: { id: string } } }>(
      'village',
      `mutation ($input: AddMemberInput!) { addMember(input: $input) { ... on MutationAddMemberSuccess { data { id } } } }`,
      { input: { householdId, member: { ...HEAD(idNumber), name: '赵秀英', relation: 'SPOUSE' } } },
    );
    const memberId = added.data!.addMember.data.id;
    const { idNumber: _, ...kept } = { ...HEAD(idNumber), name: '赵秀英', relation: 'SPOUSE' };
    const UPDATE = `mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { __typename
      ... on MutationUpdateMemberSuccess { data { education sex version } }
      ... on ValidationError { fieldErrors { path message } } } }`;
    type Updated = {
      updateMember: {
        __typename: string;
        data?: { education: string; sex: string; version: number };
        fieldErrors?: { path: string[]; message: string }[];
      };
    };
    const r = await s.run<Updated>('village', UPDATE, {
      input: { id: memberId, version: 1, member: { ...kept, education: 'SENIOR_SECONDARY' } },
    });
    expect(r.data!.updateMember).toMatchObject({
      __typename: 'MutationUpdateMemberSuccess',
      data: { education: 'SENIOR_SECONDARY', sex: 'FEMALE', version: 2 },
    });
    const stored = (await s.handle.db.query.householdMembers.findFirst({
      where: { id: Number(Buffer.from(memberId, 'base64').toString().split(':')[1]) },
    }))!;
    expect(stored.idNumber).toBe(idNumber);
    const wrongSex = await s.run<Updated>('village', UPDATE, {
      input: { id: memberId, version: 2, member: { ...kept, sex: 'MALE' } },
    });
    expect(wrongSex.data!.updateMember.fieldErrors).toEqual([
      { path: ['sex'], message: '性别与身份证号不一致' },
    ]);
  });
  it('a household registered with empty group and address; editing it without its phone keeps the number, an empty phone removes it', async () => {
    const village = await villageOf(s, 'village');
    const created = await s.run<{ createHousehold: { data: { id: string; version: number } } }>(
      'village',
      `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) {
        ... on MutationCreateHouseholdSuccess { data { id version } } } }`,
      {
        input: {
          villageId: globalId('Region', village.id),
          householdNumber: 'TEL0001',
          phone: '13912345678',
          groupName: null,
          address: null,
          attribute: 'ORDINARY',
          mainCause: 'ILLNESS',
          head: HEAD(),
        },
      },
    );
    const id = created.data!.createHousehold.data.id;
    const UPDATE = `mutation ($input: UpdateHouseholdInput!) { updateHousehold(input: $input) {
      __typename ... on MutationUpdateHouseholdSuccess { data { version phone mainCause } } } }`;
    type Updated = {
      updateHousehold: { data: { version: number; phone: string | null; mainCause: string } };
    };
    const kept = await s.run<Updated>('village', UPDATE, {
      input: { id, version: 1, attribute: 'ORDINARY', mainCause: 'DISABILITY' },
    });
    expect(kept.data!.updateHousehold.data).toEqual({
      version: 2,
      phone: '139****5678',
      mainCause: 'DISABILITY',
    });
    const removed = await s.run<Updated>('village', UPDATE, {
      input: { id, version: 2, attribute: 'ORDINARY', mainCause: 'DISABILITY', phone: '' },
    });
    expect(removed.data!.updateHousehold.data.phone).toBeNull();
  });
  it('an income for a year the policy gives no poverty line (2021 on) has no line check, and the household still reads', async () => {
    const householdId = await householdWithFacts(s);
    const r = await s.run<{ recordIncome: { __typename: string } }>(
      'village',
      `mutation ($input: RecordIncomeInput!) { recordIncome(input: $input) { __typename } }`,
      {
        input: {
          householdId,
          year: 2022,
          wagesYuan: '3000',
          businessIncomeYuan: '0',
          businessCostsYuan: '0',
          propertyIncomeYuan: '0',
          transferIncomeYuan: '0',
        },
      },
    );
    expect(r.data!.recordIncome.__typename).toBe('MutationRecordIncomeSuccess');
    const detail = await s.run<{
      household: { incomes: { year: number; incomeLineYuan: string | null; lineCheck: unknown }[] };
    }>(
      'village',
      `query ($id: ID!) { household(id: $id) { incomes { year incomeLineYuan lineCheck { outcome } } } }`,
      {
        id: householdId,
      },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.household.incomes.find((i) => i.year === 2022)).toEqual({
      year: 2022,
      incomeLineYuan: null,
      lineCheck: null,
    });
  });
});
