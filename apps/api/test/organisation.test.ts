import { auditLog } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const CREATE_UNIT = /* GraphQL */ `
  mutation ($input: CreateUnitInput!) {
    createUnit(input: $input) {
      __typename
      ... on MutationCreateUnitSuccess { data { id name kind backingLevel version region { name } } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

const UPDATE_UNIT = /* GraphQL */ `
  mutation ($input: UpdateUnitInput!) {
    updateUnit(input: $input) {
      __typename
      ... on MutationUpdateUnitSuccess { data { id name version } }
      ... on ConflictError { code currentVersion }
      ... on Error { code message }
    }
  }`;

async function townshipId(name: string) {
  const r = await s.run<{ regions: { edges: { node: { id: string; name: string } }[] } }>(
    'admin',
    `query ($q: String) { regions(level: TOWNSHIP, search: $q, first: 5) { edges { node { id name } } } }`,
    { q: name },
  );
  return r.data!.regions.edges[0]!.node.id;
}

describe('units', () => {
  it('a county administrator creates a backing unit in a township; the audit log records it in the same transaction', async () => {
    const regionId = await townshipId('沱江镇');
    const before = await s.handle.db.$count(auditLog);
    const r = await s.run<{
      createUnit: { __typename: string; data: { name: string; version: number; region: { name: string } } };
    }>('admin', CREATE_UNIT, {
      input: { name: '县农业农村局驻沱江镇工作组', kind: 'BACKING_UNIT', backingLevel: 'COUNTY', regionId },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createUnit.__typename).toBe('MutationCreateUnitSuccess');
    expect(r.data!.createUnit.data).toMatchObject({
      name: '县农业农村局驻沱江镇工作组',
      version: 1,
      region: { name: '沱江镇' },
    });
    const rows = await s.handle.db.query.auditLog.findMany({ where: { action: 'unit.create' } });
    expect(await s.handle.db.$count(auditLog)).toBe(before + 1);
    expect(rows.at(-1)!.after).toMatchObject({ name: '县农业农村局驻沱江镇工作组' });
  });

  it('bad input is refused with the fields named, and nothing is written', async () => {
    const regionId = await townshipId('沱江镇');
    const before = await s.handle.db.$count(auditLog);
    const r = await s.run<{
      createUnit: { __typename: string; code: string; fieldErrors: { path: string[] }[] };
    }>('admin', CREATE_UNIT, { input: { name: '   ', kind: 'BACKING_UNIT', regionId } });
    expect(r.data!.createUnit.__typename).toBe('ValidationError');
    expect(r.data!.createUnit.code).toBe('VALIDATION');
    expect(r.data!.createUnit.fieldErrors.map((e) => e.path.join('.')).sort()).toEqual([
      'backingLevel',
      'name',
    ]);
    expect(await s.handle.db.$count(auditLog)).toBe(before);
  });

  it('a second unit with a name the county already has is a validation error on name', async () => {
    const regionId = await townshipId('沱江镇');
    const r = await s.run<{
      createUnit: { __typename: string; fieldErrors: { path: string[]; message: string }[] };
    }>('admin', CREATE_UNIT, { input: { name: '沱江镇扶贫工作站', kind: 'WORK_STATION', regionId } });
    expect(r.data!.createUnit.__typename).toBe('ValidationError');
    expect(r.data!.createUnit.fieldErrors[0]).toMatchObject({ path: ['name'], message: '本县已有同名单位' });
  });

  it('editing with a stale version gets a conflict carrying the current version', async () => {
    const regionId = await townshipId('涛圩镇');
    const created = await s.run<{ createUnit: { data: { id: string } } }>('admin', CREATE_UNIT, {
      input: { name: '涛圩镇测试单位', kind: 'BACKING_UNIT', backingLevel: 'CITY', regionId },
    });
    const id = created.data!.createUnit.data.id;
    const base = { id, name: '涛圩镇测试单位(改)', kind: 'BACKING_UNIT', backingLevel: 'CITY', regionId };
    const first = await s.run<{ updateUnit: { __typename: string; data: { version: number } } }>(
      'admin',
      UPDATE_UNIT,
      {
        input: { ...base, version: 1 },
      },
    );
    expect(first.data!.updateUnit).toMatchObject({
      __typename: 'MutationUpdateUnitSuccess',
      data: { version: 2 },
    });
    const stale = await s.run<{ updateUnit: { __typename: string; currentVersion: number } }>(
      'admin',
      UPDATE_UNIT,
      {
        input: { ...base, name: '别的名字', version: 1 },
      },
    );
    expect(stale.data!.updateUnit).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      currentVersion: 2,
    });
  });

  it('a second county leadership (县领导班子) is refused by its rule, on create and on a change of kind', async () => {
    const regionId = await townshipId('沱江镇');
    const before = await s.handle.db.$count(auditLog);
    const second = await s.run<{ createUnit: { __typename: string; ruleId: string; message: string } }>(
      'admin',
      `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { __typename
        ... on RuleViolationError { ruleId message } } }`,
      { input: { name: '第二个县领导班子', kind: 'COUNTY_LEADERSHIP', regionId } },
    );
    expect(second.data!.createUnit).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'UNIT.ONE_COUNTY_LEADERSHIP',
      message: expect.stringContaining('本县已有县领导班子'),
    });
    expect(await s.handle.db.$count(auditLog)).toBe(before);

    const created = await s.run<{ createUnit: { data: { id: string } } }>('admin', CREATE_UNIT, {
      input: { name: '沱江镇待改类别单位', kind: 'COUNTY_DEPARTMENT', regionId },
    });
    const id = created.data!.createUnit.data.id;
    const change = await s.run<{ updateUnit: { __typename: string; message: string } }>(
      'admin',
      UPDATE_UNIT,
      {
        input: { id, version: 1, name: '沱江镇待改类别单位', kind: 'COUNTY_LEADERSHIP', regionId },
      },
    );
    expect(change.data!.updateUnit.__typename).toBe('RuleViolationError');
    const leadership = await s.handle.db.query.units.findFirst({ where: { kind: 'COUNTY_LEADERSHIP' } });
    const renamed = await s.run<{ updateUnit: { __typename: string } }>('admin', UPDATE_UNIT, {
      input: {
        id: globalId('Unit', leadership!.id),
        version: leadership!.version,
        name: `${leadership!.name}(改)`,
        kind: 'COUNTY_LEADERSHIP',
        regionId: globalId('Region', leadership!.regionId),
      },
    });
    expect(renamed.data!.updateUnit.__typename, 'the one leadership unit keeps its kind when edited').toBe(
      'MutationUpdateUnitSuccess',
    );
  });

  it('a unit name of 51 characters is a validation error on name; 50 are accepted', async () => {
    const regionId = await townshipId('沱江镇');
    const create = (name: string) =>
      s.run<{ createUnit: { __typename: string; fieldErrors?: { path: string[]; message: string }[] } }>(
        'admin',
        CREATE_UNIT,
        { input: { name, kind: 'BACKING_UNIT', backingLevel: 'COUNTY', regionId } },
      );
    const long = await create('长'.repeat(51));
    expect(long.data!.createUnit).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['name'], message: '不能超过50个字' }],
    });
    expect((await create('长'.repeat(50))).data!.createUnit.__typename).toBe('MutationCreateUnitSuccess');
  });

  it('a leader (read-only) cannot create units', async () => {
    const regionId = await townshipId('沱江镇');
    const r = await s.run('leader', CREATE_UNIT, {
      input: { name: '领导试建单位', kind: 'BACKING_UNIT', backingLevel: 'COUNTY', regionId },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('cadres and personal data', () => {
  const FIRST_CADRE = `{ cadres(first: 1, search: "站长") { edges { node { id name phone } } } }`;

  it('phone numbers are masked in every list', async () => {
    const r = await s.run<{ cadres: { edges: { node: { phone: string } }[] } }>('admin', FIRST_CADRE);
    expect(r.data!.cadres.edges[0]!.node.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('revealing a phone needs the unmask permission, a reason, and leaves an audit row', async () => {
    const list = await s.run<{ cadres: { edges: { node: { id: string } }[] } }>('township', FIRST_CADRE);
    const id = list.data!.cadres.edges[0]!.node.id;
    const REVEAL = `mutation ($input: RevealCadrePhoneInput!) { revealCadrePhone(input: $input) {
      __typename ... on MutationRevealCadrePhoneSuccess { data } ... on Error { code } } }`;
    const denied = await s.run<{ revealCadrePhone: { code: string } }>('township', REVEAL, {
      input: { id, reason: '核实联系方式' },
    });
    expect(denied.data!.revealCadrePhone.code).toBe('FORBIDDEN');
    const noReason = await s.run<{ revealCadrePhone: { code: string } }>('admin', REVEAL, {
      input: { id, reason: ' ' },
    });
    expect(noReason.data!.revealCadrePhone.code).toBe('VALIDATION');
    const shown = await s.run<{ revealCadrePhone: { data: string } }>('admin', REVEAL, {
      input: { id, reason: '核实联系方式' },
    });
    expect(shown.data!.revealCadrePhone.data).toMatch(/^1\d{10}$/);
    const audit = await s.handle.db.query.auditLog.findMany({ where: { action: 'personal-data.reveal' } });
    expect(audit.map((a) => a.reason)).toEqual(['核实联系方式']);
  });

  it('creating a cadre validates the phone number', async () => {
    const unit = await s.run<{ units: { edges: { node: { id: string } }[] } }>(
      'township',
      `{ units(first: 1, kind: WORK_STATION) { edges { node { id } } } }`,
    );
    const r = await s.run<{ createCadre: { __typename: string; fieldErrors: { path: string[] }[] } }>(
      'township',
      `mutation ($input: CreateCadreInput!) { createCadre(input: $input) { __typename
        ... on ValidationError { fieldErrors { path message } } ... on MutationCreateCadreSuccess { data { name phone } } } }`,
      {
        input: {
          unitId: unit.data!.units.edges[0]!.node.id,
          name: '盘秀英',
          post: '扶贫专干',
          phone: '12345',
        },
      },
    );
    expect(r.data!.createCadre.__typename).toBe('ValidationError');
    expect(r.data!.createCadre.fieldErrors[0]!.path).toEqual(['phone']);
    const longName = await s.run<{ createCadre: { __typename: string; fieldErrors: { path: string[] }[] } }>(
      'township',
      `mutation ($input: CreateCadreInput!) { createCadre(input: $input) { __typename
        ... on ValidationError { fieldErrors { path message } } } }`,
      { input: { unitId: unit.data!.units.edges[0]!.node.id, name: '名'.repeat(51), post: '扶贫专干' } },
    );
    expect(longName.data!.createCadre.fieldErrors.map((e) => e.path)).toEqual([['name']]);
  });
});

describe('editing cadres keeps what the editor never saw', () => {
  const UPDATE_CADRE = `mutation ($input: UpdateCadreInput!) { updateCadre(input: $input) {
    __typename ... on MutationUpdateCadreSuccess { data { post phone version } } ... on Error { code } } }`;

  it('an omitted phone keeps the stored number; an explicit null removes it', async () => {
    const cadre = (await s.handle.db.query.cadres.findFirst({ where: { post: '村党支部书记' } }))!;
    const base = {
      id: globalId('Cadre', cadre.id),
      unitId: globalId('Unit', cadre.unitId),
      name: cadre.name,
    };
    const kept = await s.run<{ updateCadre: { data: { post: string; phone: string; version: number } } }>(
      'admin',
      UPDATE_CADRE,
      { input: { ...base, version: cadre.version, post: '村党支部书记、村主任' } },
    );
    expect(kept.data!.updateCadre.data.post).toBe('村党支部书记、村主任');
    expect((await s.handle.db.query.cadres.findFirst({ where: { id: cadre.id } }))!.phone).toBe(cadre.phone);
    const removed = await s.run<{ updateCadre: { data: { phone: string | null } } }>('admin', UPDATE_CADRE, {
      input: { ...base, version: cadre.version + 1, post: '村党支部书记', phone: null },
    });
    expect(removed.data!.updateCadre.data.phone).toBeNull();
  });
});

describe('township work stations keep 2–5 staff (WORK_STATION.STAFF)', () => {
  const CREATE_CADRE = `mutation ($input: CreateCadreInput!) { createCadre(input: $input) {
    __typename ... on RuleViolationError { code ruleId message } } }`;
  const UPDATE_CADRE = `mutation ($input: UpdateCadreInput!) { updateCadre(input: $input) {
    __typename ... on RuleViolationError { code ruleId message } } }`;

  async function stationWith(staff: number) {
    const stations = await s.handle.db.query.units.findMany({
      where: { kind: 'WORK_STATION' },
      with: { cadres: true },
    });
    return stations.find((station) => station.cadres.length === staff);
  }

  it('a sixth person is refused; the fifth is not', async () => {
    const station = (await stationWith(4)) ?? (await stationWith(3));
    expect(station, 'the demo county has a station with 3 or 4 staff').toBeDefined();
    const add = (name: string) =>
      s.run<{ createCadre: { __typename: string; ruleId?: string; message?: string } }>(
        'admin',
        CREATE_CADRE,
        {
          input: { unitId: globalId('Unit', station!.id), name, post: '扶贫专干' },
        },
      );
    for (let staff = station!.cadres.length; staff < 5; staff++) {
      expect((await add(`新增专干${staff}`)).data!.createCadre.__typename).toBe('MutationCreateCadreSuccess');
    }
    const sixth = await add('第六人');
    expect(sixth.data!.createCadre).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      ruleId: 'WORK_STATION.STAFF',
      message: expect.stringContaining('不能超过 5 人'),
    });
    expect(await s.handle.db.query.cadres.findMany({ where: { unitId: station!.id } })).toHaveLength(5);
  });

  it('moving a person out of a station of two is refused', async () => {
    const station = (await stationWith(2))!;
    expect(station, 'the demo county has a station with 2 staff').toBeDefined();
    const person = station.cadres[0]!;
    const other = (await s.handle.db.query.units.findFirst({
      where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: station.regionId },
    }))!;
    const r = await s.run<{ updateCadre: { __typename: string; ruleId: string; message: string } }>(
      'admin',
      UPDATE_CADRE,
      {
        input: {
          id: globalId('Cadre', person.id),
          version: person.version,
          unitId: globalId('Unit', other.id),
          name: person.name,
          post: person.post,
        },
      },
    );
    expect(r.data!.updateCadre).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'WORK_STATION.STAFF',
    });
    expect(r.data!.updateCadre.message).toContain('不能少于 2 人');
    expect((await s.handle.db.query.cadres.findFirst({ where: { id: person.id } }))!.unitId).toBe(station.id);
  });
});

describe('filtering units by region', () => {
  it('a township filter lists the township units and its village committees, in two statements plus the region lookup', async () => {
    const regionId = await townshipId('涛圩镇');
    const villages = await s.handle.db.query.regions.findMany({ where: { parent: { name: '涛圩镇' } } });
    const r = await s.run<{ units: { totalCount: number; edges: { node: { kind: string } }[] } }>(
      'admin',
      `query ($r: ID!) { units(regionId: $r, first: 100) { totalCount edges { node { kind } } } }`,
      { r: regionId },
    );
    const statements = s.statements.length;
    const kinds = r.data!.units.edges.map((e) => e.node.kind);
    expect(kinds.filter((k) => k === 'VILLAGE_COMMITTEE')).toHaveLength(villages.length);
    expect(kinds).toContain('WORK_STATION');
    expect(statements).toBe(3);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(s.handle.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(s.handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
