import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/shared/rows';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import { freshIdNumber, HEAD } from './identification-helpers';

/** The write spine: jurisdiction before anything about the row, and a missing referenced row is NOT_FOUND naming its argument. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
  argument?: string | null;
  fieldErrors?: { path: string[]; message: string }[];
}

async function mutate(username: string, name: string, input: Record<string, unknown>) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const r = await s.run<Record<string, Outcome>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename
      ... on Error { code message }
      ... on NotFoundError { argument }
      ... on ValidationError { fieldErrors { path message } } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

const first = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await s.handle.db.execute(query))[0]!;

describe('a write names the row it changes', () => {
  it('changing a member outside your village is FORBIDDEN, even when the new ID number contradicts the sex', async () => {
    const village = await s.viewer('village');
    const foreign = await first<{ id: number; version: number }>(
      sql`select id, version from household_members where region_path not like ${`${village.regionPath}%`} order by id limit 1`,
    );
    const member = {
      name: '张三',
      idNumber: freshIdNumber(true),
      relation: 'SON',
      sex: 'FEMALE',
      education: 'PRIMARY',
      health: 'HEALTHY',
      labourCapacity: 'FULL',
    };
    const r = await mutate('village', 'updateMember', {
      id: globalId('HouseholdMember', foreign.id),
      version: foreign.version,
      member,
    });
    expect(r).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(r.fieldErrors).toBeUndefined();
    expect(r.message).not.toContain('性别');
  });

  it('the same contradiction on a member of your own village is a validation error about the sex', async () => {
    const village = await s.viewer('village');
    const own = await first<{ id: number; version: number }>(
      sql`select id, version from household_members where region_path like ${`${village.regionPath}%`} and relation <> 'HEAD' order by id limit 1`,
    );
    const r = await mutate('village', 'updateMember', {
      id: globalId('HouseholdMember', own.id),
      version: own.version,
      member: {
        name: '张三',
        idNumber: freshIdNumber(true),
        relation: 'SON',
        sex: 'FEMALE',
        education: 'PRIMARY',
        health: 'HEALTHY',
        labourCapacity: 'FULL',
      },
    });
    expect(r).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
  });
});

describe('a missing referenced row is NOT_FOUND naming the argument', () => {
  it('a cadre for a unit that does not exist names unitId', async () => {
    const r = await mutate('admin', 'createCadre', {
      unitId: globalId('Unit', 999_999),
      name: '李四',
      post: '干事',
    });
    expect(r).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', argument: 'unitId' });
    expect(r.message).toContain('unitId');
    expect(r.message).toContain('no 单位 with id 999999');
  });

  it('a unit in a region that does not exist names regionId', async () => {
    const r = await mutate('admin', 'createUnit', {
      name: '不存在区划的单位',
      kind: 'COUNTY_DEPARTMENT',
      regionId: globalId('Region', 999_999),
    });
    expect(r).toMatchObject({ __typename: 'NotFoundError', argument: 'regionId' });
  });

  it('progress on a task that does not exist names id', async () => {
    const r = await mutate('admin', 'reportTaskProgress', {
      id: globalId('Task', 999_999),
      version: 1,
      progress: 10,
    });
    expect(r).toMatchObject({ __typename: 'NotFoundError', argument: 'id' });
  });

  it('a task whose responsible unit does not exist names responsibleUnitId, as a missing task names id', async () => {
    const county = await first<{ id: number }>(sql`select id from regions where level = 'COUNTY' limit 1`);
    const person = await first<{ id: number }>(sql`select id from cadres order by id limit 1`);
    const r = await mutate('admin', 'createTask', {
      title: '不存在的责任单位',
      sourceKind: 'INSPECTION_FINDING',
      findingReference: '督查通报第1号',
      level: 'COUNTY_LEADER',
      regionId: globalId('Region', county.id),
      responsibleUnitId: globalId('Unit', 999_999),
      responsiblePersonId: globalId('Cadre', person.id),
      deadline: '2030-12-31',
    });
    expect(r).toMatchObject({ __typename: 'NotFoundError', argument: 'responsibleUnitId' });
  });

  it('a household for a village that does not exist names villageId', async () => {
    const r = await mutate('admin', 'createHousehold', {
      villageId: globalId('Region', 999_999),
      householdNumber: '4311290000001',
      attribute: 'ORDINARY',
      mainCause: 'ILLNESS',
      head: HEAD(),
    });
    expect(r).toMatchObject({ __typename: 'NotFoundError', argument: 'villageId' });
  });
});
