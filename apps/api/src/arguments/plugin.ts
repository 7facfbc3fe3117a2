import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { wrapOrThrow } from '@pothos/plugin-errors';
import type { GraphQLFieldResolver } from 'graphql';
import { ArgumentError, unauthenticated } from '../errors';
import { rootFieldArgumentProblems } from './check';

/**
 * Checks the arguments of every query and mutation, and of every field they select, before any argument
 * is decoded and before any SQL runs: global IDs in canonical form and of the declared node type, text
 * without control characters, pagination within bounds. A field whose result union holds ValidationError
 * returns the ArgumentError as that member; any other field answers a top-level VALIDATION error.
 */
export class ArgumentChecksPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver || (fieldConfig.kind !== 'Query' && fieldConfig.kind !== 'Mutation')) return resolver;
    const resultErrors = fieldConfig.extensions?.pothosErrors as
      | (new (
          ...args: never[]
        ) => Error)[]
      | undefined;
    // Anonymous callers of a field behind the root types' loggedIn scope learn nothing about their input.
    const reachableAnonymously =
      (fieldConfig.pothosOptions as { skipTypeScopes?: boolean }).skipTypeScopes === true;
    return (parent, args, context, info) => {
      const problems = rootFieldArgumentProblems(info, args as Record<string, unknown>);
      if (problems.length === 0) return resolver(parent, args, context, info);
      if (!reachableAnonymously && (context as { viewer?: unknown }).viewer == null) throw unauthenticated();
      const error = new ArgumentError(problems);
      if (resultErrors) return wrapOrThrow(error, resultErrors);
      throw error;
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      argumentChecks: ArgumentChecksPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('argumentChecks', ArgumentChecksPlugin);

export default 'argumentChecks' as const;
