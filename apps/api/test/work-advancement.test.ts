import { cadres } from '@gongjian/db/schema';
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

describe('the command structure of the demo county', () => {
  it('the county Party secretary commands; deputies and 12 combat groups with leaders, members and remits — one statement', async () => {
    const r = await s.run<{
      commandPost: {
        name: string;
        members: { role: string; post: string }[];
        combatGroups: {
          name: string;
          leaderName: string;
          remit: string;
          memberCount: number;
          memberNames: string[];
        }[];
      };
    }>(
      'leader',
      `{ commandPost { name establishedOn members { role name post }
          combatGroups { name remit leaderName leaderPost memberCount memberNames taskCount } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(s.statements).toHaveLength(1);
    const post = r.data!.commandPost;
    expect(post.name).toBe('江华瑶族自治县脱贫攻坚战役指挥部');
    expect(post.members[0]).toMatchObject({ role: 'COMMANDER', post: '县委书记(指挥长)' });
    expect(post.members.slice(1).every((m) => m.role === 'DEPUTY_COMMANDER')).toBe(true);
    expect(post.members.map((m) => m.post)).toEqual(
      expect.arrayContaining(['县长(副指挥长)', '县委副书记(副指挥长)']),
    );
    expect(post.combatGroups).toHaveLength(12);
    for (const group of post.combatGroups) {
      expect(group.leaderName).not.toBe('');
      expect(group.remit).not.toBe('');
      expect(group.memberCount).toBe(group.memberNames.length);
      expect(group.memberCount).toBeGreaterThan(0);
    }
  });

  it('every township has a work station of 2–5 staff; a station outside the range is flagged, not hidden', async () => {
    const query = `{ workStations { name staffCount staffWithinRange township { name } } }`;
    const r = await s.run<{
      workStations: { name: string; staffCount: number; staffWithinRange: boolean }[];
    }>('admin', query);
    expect(r.data!.workStations).toHaveLength(22);
    expect(r.data!.workStations.every((w) => w.staffWithinRange)).toBe(true);
    const station = (await s.handle.db.query.units.findFirst({
      where: { kind: 'WORK_STATION', name: '涛圩镇扶贫工作站' },
      with: { cadres: true },
    }))!;
    const extra = 6 - station.cadres.length;
    await s.handle.db.insert(cadres).values(
      Array.from({ length: extra }, (_, i) => ({
        countyId: station.countyId,
        regionPath: station.regionPath,
        unitId: station.id,
        name: `借调人员${i + 1}`,
        post: '扶贫专干',
      })),
    );
    const after = await s.run<{
      workStations: { name: string; staffCount: number; staffWithinRange: boolean }[];
    }>('admin', query);
    expect(after.data!.workStations.find((w) => w.name === '涛圩镇扶贫工作站')).toMatchObject({
      staffCount: 6,
      staffWithinRange: false,
    });
  });

  it('department poverty sections list their named staff', async () => {
    const r = await s.run<{ departmentSections: { name: string; staffNames: string[] }[] }>(
      'admin',
      `{ departmentSections { name staffCount staffNames } }`,
    );
    expect(r.data!.departmentSections.length).toBeGreaterThanOrEqual(12);
    expect(r.data!.departmentSections.map((d) => d.name)).toContain('江华瑶族自治县教育局扶贫业务股');
    expect(r.data!.departmentSections.every((d) => d.staffNames.length >= 1)).toBe(true);
  });
});

describe('meetings, resolutions and documents of the demo county', () => {
  it('reproduces the meetings since 2014: 87 standing committee, 38 executive, 29 leading group, 33 county conferences', async () => {
    const r = await s.run<Record<string, { totalCount: number }>>(
      'leader',
      `{ standing: meetings(type: COUNTY_STANDING_COMMITTEE, from: "2014-01-01") { totalCount }
         executive: meetings(type: GOVERNMENT_EXECUTIVE, from: "2014-01-01") { totalCount }
         group: meetings(type: LEADING_GROUP, from: "2014-01-01") { totalCount }
         conference: meetings(type: COUNTY_CONFERENCE, from: "2014-01-01") { totalCount } }`,
    );
    expect(r.data).toEqual({
      standing: { totalCount: 87 },
      executive: { totalCount: 38 },
      group: { totalCount: 29 },
      conference: { totalCount: 33 },
    });
  });

  it('names the resolutions of 2015-08, 2018-02 and 2019-07', async () => {
    const r = await s.run<{ resolutions: { edges: { node: { adoptedOn: string; title: string } }[] } }>(
      'township',
      `{ resolutions(first: 10) { edges { node { issuingBody adoptedOn title taskCount } } } }`,
    );
    const rows = r.data!.resolutions.edges.map((e) => [e.node.adoptedOn.slice(0, 7), e.node.title]);
    expect(rows).toEqual([
      ['2019-07', '中国共产党江华瑶族自治县委员会关于坚决贯彻落实“四个不摘”巩固提升脱贫摘帽成效的决议'],
      ['2018-02', '为脱贫摘帽贡献力量'],
      ['2015-08', '关于切实肩负如期脱贫摘帽政治责任历史责任的决议'],
    ]);
  });

  it('holds the "1+X+部门" documents, with the 2017 assessment rule superseded by the 2019 one', async () => {
    const r = await s.run<{
      policyDocuments: {
        totalCount: number;
        edges: {
          node: {
            kind: string;
            title: string;
            status: string;
            supersededBy: { title: string } | null;
            taskCount: number;
          };
        }[];
      };
    }>(
      'admin',
      `{ policyDocuments(first: 50) { totalCount edges { node { kind documentNumber title issuer issuedOn status supersededBy { title } taskCount } } } }`,
    );
    const documents = r.data!.policyDocuments.edges.map((e) => e.node);
    expect(documents[0]).toMatchObject({
      kind: 'MASTER',
      title: '关于切实肩负如期脱贫摘帽政治责任历史责任的决议',
    });
    expect(documents.filter((d) => d.kind === 'DEPARTMENT').length).toBeGreaterThanOrEqual(12);
    expect(
      documents.find((d) => d.title === '提高脱贫质量促进稳定脱贫的实施方案')!.taskCount,
    ).toBeGreaterThan(1000);
    expect(documents.find((d) => d.title === '脱贫攻坚工作考核办法(试行)')).toMatchObject({
      status: 'SUPERSEDED',
      supersededBy: { title: '巩固提升脱贫成果考核办法' },
    });
  });

  it('a page of meetings with their decisions is two statements', async () => {
    const r = await s.run<{ meetings: { edges: { node: { decisions: unknown[] } }[] } }>(
      'admin',
      `{ meetings(first: 20) { totalCount edges { node { type heldOn topic attendees decisions { sequence content taskCount } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.meetings.edges).toHaveLength(20);
    expect(r.data!.meetings.edges.every((e) => e.node.decisions.length >= 1)).toBe(true);
    expect(s.statements).toHaveLength(2);
  });
});

const CREATE_MEETING = `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { __typename
  ... on MutationCreateMeetingSuccess { data { id topic decisions { id sequence content } } }
  ... on Error { code } ... on ValidationError { fieldErrors { path message } } } }`;

describe('recording meetings and documents', () => {
  it('a meeting with two decisions is recorded; a task created from the second names its meeting', async () => {
    const meeting = await s.run<{
      createMeeting: { data: { decisions: { id: string; content: string }[] } };
    }>('admin', CREATE_MEETING, {
      input: {
        type: 'LEADING_GROUP',
        heldOn: '2019-09-20',
        topic: '研究部署巩固脱贫成果“回头看”',
        attendees: ['组长(县委书记)', '领导小组成员单位主要负责人'],
        decisions: ['开展“回头看”专项行动', '对问题清单实行销号管理'],
      },
    });
    const decision = meeting.data!.createMeeting.data.decisions[1]!;
    expect(decision.content).toBe('对问题清单实行销号管理');
    const county = (await s.handle.db.query.regions.findFirst({ where: { level: 'COUNTY' } }))!;
    const office = (await s.handle.db.query.units.findFirst({
      where: { name: '江华瑶族自治县扶贫开发办公室扶贫业务股' },
      with: { cadres: true },
    }))!;
    const task = await s.run<{
      createTask: {
        __typename: string;
        data: {
          sourceKind: string;
          meetingDecision: { content: string; meeting: { topic: string; type: string } };
        };
      };
    }>(
      'admin',
      `mutation ($input: CreateTaskInput!) { createTask(input: $input) { __typename
        ... on MutationCreateTaskSuccess { data { sourceKind meetingDecision { content meeting { topic type } } } } } }`,
      {
        input: {
          title: '建立问题清单销号台账',
          sourceKind: 'MEETING_DECISION',
          sourceId: decision.id,
          level: 'COUNTY_DEPARTMENT',
          regionId: globalId('Region', county.id),
          responsibleUnitId: globalId('Unit', office.id),
          responsiblePersonId: globalId('Cadre', office.cadres[0]!.id),
          deadline: '2019-10-31',
        },
      },
    );
    expect(task.data!.createTask.data).toEqual({
      sourceKind: 'MEETING_DECISION',
      meetingDecision: {
        content: '对问题清单实行销号管理',
        meeting: { topic: '研究部署巩固脱贫成果“回头看”', type: 'LEADING_GROUP' },
      },
    });
  });

  it('a meeting without a topic is a validation error on topic', async () => {
    const r = await s.run<{ createMeeting: { __typename: string; fieldErrors: { path: string[] }[] } }>(
      'admin',
      CREATE_MEETING,
      {
        input: { type: 'OTHER', heldOn: '2019-09-20', topic: ' ', attendees: [], decisions: [] },
      },
    );
    expect(r.data!.createMeeting).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['topic'] }],
    });
  });

  it('a township clerk reads the county’s meetings but cannot record one', async () => {
    const list = await s.run<{ meetings: { totalCount: number } }>('township', `{ meetings { totalCount } }`);
    expect(list.data!.meetings.totalCount).toBeGreaterThanOrEqual(187);
    const r = await s.run('township', CREATE_MEETING, {
      input: { type: 'OTHER', heldOn: '2019-09-20', topic: '乡镇会议', attendees: [], decisions: [] },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a document replacing one in force marks it superseded; a second document with the same number is refused', async () => {
    const documents = await s.run<{ policyDocuments: { edges: { node: { id: string } }[] } }>(
      'admin',
      `{ policyDocuments(search: "提高脱贫质量", first: 1) { edges { node { id } } } }`,
    );
    const replaced = documents.data!.policyDocuments.edges[0]!.node.id;
    const CREATE = `mutation ($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { __typename
      ... on MutationCreatePolicyDocumentSuccess { data { title status } }
      ... on Error { code } ... on ValidationError { fieldErrors { path message } } } }`;
    const input = {
      kind: 'THEMATIC',
      documentNumber: '江办发〔2020〕1号',
      title: '提高脱贫质量促进稳定脱贫的实施方案(2020年修订)',
      issuer: '中共江华瑶族自治县委办公室',
      issuedOn: '2020-01-15',
      supersedesId: replaced,
    };
    const created = await s.run<{ createPolicyDocument: { __typename: string } }>('admin', CREATE, { input });
    expect(created.data!.createPolicyDocument.__typename).toBe('MutationCreatePolicyDocumentSuccess');
    const old = await s.run<{ node: { status: string; supersededBy: { documentNumber: string } } }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on PolicyDocument { status supersededBy { documentNumber } } } }`,
      { id: replaced },
    );
    expect(old.data!.node).toEqual({
      status: 'SUPERSEDED',
      supersededBy: { documentNumber: '江办发〔2020〕1号' },
    });
    const again = await s.run<{
      createPolicyDocument: { __typename: string; fieldErrors: { path: string[] }[] };
    }>('admin', CREATE, { input: { ...input, supersedesId: null } });
    expect(again.data!.createPolicyDocument).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['documentNumber'] }],
    });
  });
});
