import { Client, type CombinedError, cacheExchange, fetchExchange, mapExchange } from '@urql/core';

export interface GongjianClientOptions {
  /** The GraphQL endpoint, normally the same-origin path `/graphql`. */
  url: string;
  /** Called once per failed operation whose errors say the session is missing or expired. */
  onUnauthenticated?: () => void;
}

export function errorCodesOf(error: CombinedError | undefined): string[] {
  if (!error) return [];
  return error.graphQLErrors
    .map((graphQLError) => graphQLError.extensions?.code)
    .filter((code): code is string => typeof code === 'string');
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return errorCodesOf(error).includes('UNAUTHENTICATED');
}

/**
 * The urql client both clients use: document cache + fetch, the session cookie sent same-origin,
 * and every operation POSTed as JSON (the API's CSRF prevention refuses anything else).
 */
export function createGongjianClient({ url, onUnauthenticated }: GongjianClientOptions): Client {
  return new Client({
    url,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      mapExchange({
        onError(error) {
          if (onUnauthenticated && isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
