// Argument and field names follow packages/schema/schema.graphql; GraphiQL validates them live.
export const exampleTabs = [
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
    query: `# 乡镇下的村及其单位数 · villages of a township with their unit counts
# Run "TownshipIds" first, then put a township id into the variables.
query VillagesOfTownship($townshipId: ID!) {
  villages(townshipId: $townshipId, first: 50) {
    totalCount
    edges {
      node { id code name villageKind unitCount }
    }
  }
}

query TownshipIds {
  regions(level: TOWNSHIP, first: 30) {
    totalCount
    edges { node { id code name } }
  }
}
`,
    variables: '{\n  "townshipId": ""\n}',
  },
  {
    query: `# 新建单位 · create a unit (needs a region id inside your jurisdiction)
mutation CreateUnit($input: CreateUnitInput!) {
  createUnit(input: $input) {
    __typename
    ... on MutationCreateUnitSuccess {
      data { id name kind backingLevel version region { name } }
    }
    ... on Error { code message }
    ... on ValidationError { fieldErrors { path message } }
  }
}
`,
    variables:
      '{\n  "input": {\n    "name": "示例后盾单位",\n    "kind": "BACKING_UNIT",\n    "backingLevel": "COUNTY",\n    "regionId": ""\n  }\n}',
  },
];
