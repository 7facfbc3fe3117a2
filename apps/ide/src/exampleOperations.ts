// Argument and field names follow packages/schema/schema.graphql; GraphiQL validates them live.
import { sameOriginFetcher } from './fetcher.ts';

/** The demo rows the examples start from, looked up when the IDE loads (empty where the role may not read). */
export interface ExampleIds {
  townshipId: string;
  meetingId: string;
  taskId: string;
  householdId: string;
  pairingId: string;
  projectId: string;
  reportId: string;
}

const idQueries: Record<keyof ExampleIds, string> = {
  townshipId: 'query { list: regions(level: TOWNSHIP, first: 1) { edges { node { id } } } }',
  meetingId: 'query { list: meetings(first: 1) { edges { node { id } } } }',
  taskId: 'query { list: tasks(first: 1) { edges { node { id } } } }',
  householdId: 'query { list: households(first: 1) { edges { node { id } } } }',
  pairingId: 'query { list: pairings(first: 1) { edges { node { id } } } }',
  projectId: 'query { list: projects(first: 1) { edges { node { id } } } }',
  reportId: 'query { list: reports(first: 1) { edges { node { id } } } }',
};

type IdListResult = { data?: { list?: { edges?: { node?: { id?: string } }[] } } };

/** The first row's id of each list, one query each so a list the role may not read leaves only its own id empty. */
export async function loadExampleIds(): Promise<ExampleIds> {
  const entries = await Promise.all(
    (Object.keys(idQueries) as (keyof ExampleIds)[]).map(async (key) => {
      try {
        const result = (await sameOriginFetcher({ query: idQueries[key] })) as IdListResult;
        return [key, result.data?.list?.edges?.[0]?.node?.id ?? ''] as const;
      } catch {
        return [key, ''] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as unknown as ExampleIds;
}

const variables = (value: Record<string, unknown>) => JSON.stringify(value, null, 2);

/** One operation per tab: who is signed in, organisation, then one per mechanism, each on a demo row. */
export function exampleTabs(ids: ExampleIds) {
  return [
    {
      query: `# 当前登录用户 · the signed-in user
query Me {
  me {
    id
    username
    displayName
    roles
    mayUnmask
    jurisdiction { id name level }
  }
}
`,
    },
    {
      query: `# 组织架构 · organisation: villages of a township with their unit counts
query VillagesOfTownship($townshipId: ID!) {
  villages(townshipId: $townshipId, first: 50) {
    totalCount
    edges {
      node { id code name villageKind unitCount }
    }
  }
}
`,
      variables: variables({ townshipId: ids.townshipId }),
    },
    {
      query: `# 工作推进机制 · work advancement: a meeting and its decisions
query Meeting($id: ID!) {
  node(id: $id) {
    ... on Meeting { id type topic heldOn decisions { id } }
  }
}
`,
      variables: variables({ id: ids.meetingId }),
    },
    {
      query: `# 攻坚责任机制 · responsibility: a task, its progress and who answers for it
query Task($id: ID!) {
  node(id: $id) {
    ... on Task { id title level deadline progress responsibleUnitName responsiblePersonName childCount }
  }
}
`,
      variables: variables({ id: ids.taskId }),
    },
    {
      query: `# 精准识别机制 · identification: a household and its status
query Household($id: ID!) {
  household(id: $id) { id householdNumber status attribute mainCause memberCount village { name } }
}
`,
      variables: variables({ id: ids.householdId }),
    },
    {
      query: `# 帮扶工作机制 · assistance: a helper pairing
query Pairing($id: ID!) {
  node(id: $id) {
    ... on Pairing { id helperName helperPost householdNumber startDate endDate }
  }
}
`,
      variables: variables({ id: ids.pairingId }),
    },
    {
      query: `# 资金整合机制 · funds: a project with its money
query Project($id: ID!) {
  node(id: $id) {
    ... on Project { id name year state budgetWanYuan allocatedWanYuan disbursedWanYuan }
  }
}
`,
      variables: variables({ id: ids.projectId }),
    },
    {
      query: `# 监督考核机制 · supervision: a report and its handling
query Report($id: ID!) {
  node(id: $id) {
    ... on Report { id subject category state receivedOn overdue }
  }
}
`,
      variables: variables({ id: ids.reportId }),
    },
    {
      query: `# 汇总 · summary: the organisation overview of the county
query Summary {
  organisationSummary { villageCount poorVillageCount nonPoorWithPoorCount unitCount cadreCount }
}
`,
    },
  ];
}
