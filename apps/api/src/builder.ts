import type { Relations } from '@gongjian/db';
import { relations } from '@gongjian/db';
import type { Role } from '@gongjian/db/schema';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { insideJurisdiction, regionVisible } from './auth/jurisdiction';
import { hasPermission, type Permission } from './auth/permissions';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';

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
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
    DateTime: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}

export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [ErrorsPlugin, RelayPlugin, ScopeAuthPlugin, DrizzlePlugin],
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
  },
  scopeAuth: {
    runScopesOnType: true,
    authScopes: (ctx) => ({
      loggedIn: ctx.viewer !== null,
      role: (role) => ctx.viewer?.roles.includes(role) ?? false,
      permission: (permission) => (ctx.viewer ? hasPermission(ctx.viewer.roles, permission) : false),
      jurisdiction: (regionPath) => insideJurisdiction(ctx.viewer, regionPath),
      regionVisible: (regionPath) => regionVisible(ctx.viewer, regionPath),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? forbidden() : unauthenticated()),
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({ authScopes: { loggedIn: true } });
builder.mutationType({ authScopes: { loggedIn: true } });
