import {
  Client,
  type CombinedError,
  cacheExchange,
  type Exchange,
  fetchExchange,
  makeOperation,
  mapExchange,
} from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

export interface GongjianClientOptions {
  /** The GraphQL endpoint, normally the same-origin path `/graphql`. */
  url: string;
  /** Called once per failed operation whose errors say the session is missing or expired. */
  onUnauthenticated?: () => void;
  /** Send the document text along with its id: development builds (`!import.meta.env.PROD`) only. */
  sendDocumentText: boolean;
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
 * Every operation carries its trusted-document id (`graphql.persisted('admin/AdminUnits', …)`) as
 * `extensions.persistedQuery.sha256Hash`; documents without an id (the IDE's) go as plain text.
 */
function sendDocumentIds(): Exchange {
  return persistedExchange({
    enforcePersistedQueries: true,
    enableForMutation: true,
    preferGetForPersistedQueries: false,
    generateHash: async (_text, document) => (document as { documentId?: string }).documentId as string,
  });
}

/** urql puts the text next to a persisted id only for a miss; development always sends it, so edits apply before a rebuild. */
const alsoSendDocumentText: Exchange = mapExchange({
  onOperation(operation) {
    const persistedQuery = operation.extensions?.persistedQuery;
    if (!persistedQuery) return operation;
    const withText = makeOperation(operation.kind, operation);
    withText.extensions = { ...operation.extensions, persistedQuery: { ...persistedQuery, miss: true } };
    return withText;
  },
});

const refusedData = Symbol('refused mutation data');
type WithRefusedData = { [refusedData]?: unknown };

/** Every field of the mutation answered one of the typed errors (`…Error`): nothing was written. */
function refusedEverywhere(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  const payloads = Object.values(data as Record<string, unknown>);
  return (
    payloads.length > 0 &&
    payloads.every((payload) => {
      const typename = (payload as { __typename?: unknown } | null)?.__typename;
      return typeof typename === 'string' && typename.endsWith('Error');
    })
  );
}

/**
 * urql's document cache refetches every query holding a type named in a mutation's result. A refused write
 * changed nothing, yet its explanation shares types with the page (a rule reason, say), and the refetch
 * then raced with the clerk correcting the form. These two exchanges hide a refused result's data from the
 * cache (below it) and hand it back to the component (above it).
 */
const hideRefusedFromCache: Exchange = mapExchange({
  onResult(result) {
    if (result.operation.kind !== 'mutation' || !refusedEverywhere(result.data)) return result;
    return { ...result, data: {}, [refusedData]: result.data } as typeof result;
  },
});
const restoreRefused: Exchange = mapExchange({
  onResult(result) {
    const hidden = (result as WithRefusedData)[refusedData];
    return hidden === undefined ? result : { ...result, data: hidden };
  },
});

/**
 * The urql client both clients use: document cache + fetch, the session cookie sent same-origin,
 * and every operation POSTed as JSON (the API's CSRF prevention refuses anything else).
 */
export function createGongjianClient({
  url,
  onUnauthenticated,
  sendDocumentText,
}: GongjianClientOptions): Client {
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
      restoreRefused,
      cacheExchange,
      hideRefusedFromCache,
      sendDocumentIds(),
      ...(sendDocumentText ? [alsoSendDocumentText] : []),
      fetchExchange,
    ],
  });
}
