import { createGongjianClient, graphql, type ResultOf } from '@gongjian/schema';
import type { GraphiQL } from 'graphiql';
import type { ComponentProps } from 'react';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

const endpoint = '/graphql';

/** POSTs JSON to the same-origin API so the session cookie of the signed-in user goes along. */
export const sameOriginFetcher: Fetcher = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

const IdeViewerQuery = graphql(`
  query IdeViewer {
    me {
      username
      displayName
      roles
    }
  }
`);

export type Viewer = NonNullable<ResultOf<typeof IdeViewerQuery>['me']>;

const client = createGongjianClient({ url: endpoint, sendDocumentText: true });

/** The signed-in user, or null when there is no session (or the API cannot be reached). */
export async function loadViewer(): Promise<Viewer | null> {
  const result = await client.query(IdeViewerQuery, {}).toPromise();
  return result.data?.me ?? null;
}
