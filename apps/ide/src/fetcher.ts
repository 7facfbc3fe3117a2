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

export interface Viewer {
  username: string;
  displayName: string;
  roles: string[];
}

export async function loadViewer(): Promise<Viewer | null> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query IdeViewer { me { username displayName roles } }' }),
    });
    const body = (await response.json()) as { data?: { me?: Viewer | null } };
    return body.data?.me ?? null;
  } catch {
    return null;
  }
}
