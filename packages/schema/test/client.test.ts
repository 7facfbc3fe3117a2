import { gql } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { createGongjianClient } from '../src/client';

const ApplicationQuery = gql`
  query TestApplication {
    application {
      id
      rulesExplanation {
        ruleId
      }
    }
  }
`;
const RecordStepMutation = gql`
  mutation TestRecordStep {
    recordApplicationStep {
      __typename
    }
  }
`;

/** A client over a fake endpoint that answers the mutation with `mutationAnswer` and counts the queries it serves. */
function clientAnswering(mutationAnswer: Record<string, unknown>) {
  const served = { queries: 0 };
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query?: string };
    const isMutation = body.query?.startsWith('mutation') ?? false;
    if (!isMutation) served.queries++;
    const data = isMutation
      ? { recordApplicationStep: mutationAnswer }
      : {
          application: {
            __typename: 'StatusApplication',
            id: '1',
            rulesExplanation: [{ __typename: 'RuleReason', ruleId: 'PROCEDURE.NOTICE_DAYS' }],
          },
        };
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  };
  const client = createGongjianClient({ url: 'http://api.test/graphql', sendDocumentText: true });
  return { client, served, context: { fetch } };
}

async function watchThenMutate(mutationAnswer: Record<string, unknown>) {
  const { client, served, context } = clientAnswering(mutationAnswer);
  const subscription = client.query(ApplicationQuery, {}, context).subscribe(() => {});
  await new Promise((resolve) => setTimeout(resolve, 20));
  const mutation = await client.mutation(RecordStepMutation, {}, context).toPromise();
  await new Promise((resolve) => setTimeout(resolve, 20));
  subscription.unsubscribe();
  return { mutation, served };
}

describe('the shared urql client', () => {
  it('a refused write refetches nothing, and the component still reads the refusal with its reasons', async () => {
    const refusal = {
      __typename: 'StepRefusedError',
      code: 'RULE_VIOLATION',
      reasons: [{ __typename: 'RuleReason', ruleId: 'PROCEDURE.NOTICE_DAYS' }],
    };
    const { mutation, served } = await watchThenMutate(refusal);
    expect(mutation.data).toEqual({ recordApplicationStep: refusal });
    expect(served.queries).toBe(1);
  });

  it('a write that succeeded refetches the queries holding the types it returned', async () => {
    const success = {
      __typename: 'MutationRecordApplicationStepSuccess',
      data: { __typename: 'StatusApplication', id: '1' },
    };
    const { mutation, served } = await watchThenMutate(success);
    expect(mutation.data).toEqual({ recordApplicationStep: success });
    expect(served.queries).toBe(2);
  });
});
