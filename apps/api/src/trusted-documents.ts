import { existsSync, readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';

/** Trusted-document id (`admin/AdminUnits`) → the document text the client build registered for it. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export interface TrustedDocumentsPolicy {
  documents: TrustedDocuments;
  /** Refuse every request that does not name a known id (production); otherwise raw documents still run. */
  enforced: boolean;
}

export const TRUSTED_DOCUMENTS_ONLY = {
  errors: [
    {
      message: '仅接受已登记的查询 (trusted documents only)',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    },
  ],
};

/** Merges the `persisted-documents.json` manifests the client builds write; a missing manifest adds nothing. */
export function loadTrustedDocuments(manifestPaths: readonly string[]): Map<string, string> {
  const documents = new Map<string, string>();
  for (const manifestPath of manifestPaths) {
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    for (const [id, text] of Object.entries(manifest)) {
      if (typeof text !== 'string') throw new Error(`${manifestPath}: ${id} is not a document text`);
      const known = documents.get(id);
      if (known !== undefined && known !== text) {
        throw new Error(
          `${manifestPath}: ${id} differs from the document another client registered under it`,
        );
      }
      documents.set(id, text);
    }
  }
  return documents;
}

function persistedIdOf(body: Record<string, unknown>): string | undefined {
  const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const id = extensions?.persistedQuery?.sha256Hash;
  return typeof id === 'string' ? id : undefined;
}

/**
 * In front of Apollo, after the JSON body parser: puts the registered text of a known id into `query`
 * and removes `extensions.persistedQuery` (Apollo's automatic persisted queries are off). Enforced, it
 * answers 400 to anything else before the session lookup, so before any SQL; not enforced, a request
 * that brings its own text runs that text, so development sees edits before the manifests are rebuilt.
 */
export function trustedDocumentsMiddleware({ documents, enforced }: TrustedDocumentsPolicy): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const isSingleRequest =
      req.method === 'POST' && typeof body === 'object' && body !== null && !Array.isArray(body);
    if (!isSingleRequest) {
      if (enforced) res.status(400).json(TRUSTED_DOCUMENTS_ONLY);
      else next();
      return;
    }
    const request = body as Record<string, unknown>;
    const id = persistedIdOf(request);
    const registeredText = id === undefined ? undefined : documents.get(id);
    const bringsOwnText = typeof request.query === 'string' && request.query !== '';
    if (registeredText === undefined && (enforced || (id !== undefined && !bringsOwnText))) {
      res.status(400).json(TRUSTED_DOCUMENTS_ONLY);
      return;
    }
    if (registeredText !== undefined && (enforced || !bringsOwnText)) request.query = registeredText;
    if (id !== undefined) {
      const { persistedQuery: _, ...otherExtensions } = request.extensions as Record<string, unknown>;
      request.extensions = otherExtensions;
    }
    next();
  };
}
