import type { Relations } from '@gongjian/db';
import { relations } from '@gongjian/db';
import type { Role } from '@gongjian/db/schema';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { decodeCanonicalGlobalId, encodeGlobalId } from './arguments/global-id';
import { nodeOrNotFound } from './arguments/nodes';
import ArgumentChecksPlugin from './arguments/plugin';
import { helperMaySeeHousehold } from './auth/helper-households';
import { insideJurisdiction, regionVisible } from './auth/jurisdiction';
import { hasPermission, type Permission } from './auth/permissions';
import type { Context } from './context';
import { ArgumentError, forbidden, unauthenticated } from './errors';

export interface BuilderTypes {
  Context: Context;
  DrizzleRelations: Relations;
  DefaultFieldNullability: false;
  AuthScopes: {
    loggedIn: boolean;
    role: Role;
    permission: Permission;
    /** The row's region path lies inside the viewer's jurisdiction. */
    jurisdiction: string;
    /** A region the viewer may name: inside the jurisdiction or above it. */
    regionVisible: string;
    /** A household (by id) the viewer may see as a helper: any, unless they are a helper only and it is not paired with them. */
    pairedHousehold: number;
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
    DateTime: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the builder's type cannot name itself inside its own options
const builderOfNodes = (): any => builder;

export const builder = new SchemaBuilder<BuilderTypes>({
  // ArgumentChecks wraps inside Errors (so its refusals can be union members) and outside every argument mapper.
  plugins: [ErrorsPlugin, ArgumentChecksPlugin, RelayPlugin, ScopeAuthPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    // Arguments were checked before this runs (arguments/plugin.ts); this refuses anything that slipped past.
    decodeGlobalID: (globalID) => {
      const decoded = decodeCanonicalGlobalId(globalID);
      if (!decoded) throw new ArgumentError([{ path: ['id'], zh: '不是有效的ID', en: 'is not a valid ID' }]);
      return decoded;
    },
    nodeQueryOptions: {
      resolve: (_root, { id }, _ctx, _info, resolveNode) => nodeOrNotFound(resolveNode(id), id),
    },
    nodesQueryOptions: {
      // One id at a time, so that a missing row is NOT_FOUND at its own index (the loader still batches).
      resolve: (_root, { ids }, ctx, info): Promise<unknown>[] =>
        ids.map((id) =>
          nodeOrNotFound(
            resolveNodes(builderOfNodes(), ctx, info, [id]).then(([node]) => node),
            id,
          ),
        ),
    },
  },
  scopeAuth: {
    runScopesOnType: true,
    authScopes: (ctx) => ({
      loggedIn: ctx.viewer !== null,
      role: (role) => ctx.viewer?.roles.includes(role) ?? false,
      permission: (permission) => (ctx.viewer ? hasPermission(ctx.viewer.roles, permission) : false),
      jurisdiction: (regionPath) => insideJurisdiction(ctx.viewer, regionPath),
      regionVisible: (regionPath) => regionVisible(ctx.viewer, regionPath),
      pairedHousehold: (householdId) => helperMaySeeHousehold(ctx, householdId),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? forbidden() : unauthenticated()),
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({ authScopes: { loggedIn: true } });
builder.mutationType({ authScopes: { loggedIn: true } });
