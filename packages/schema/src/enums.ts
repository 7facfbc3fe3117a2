import type { introspection_types } from './graphql-env.d.ts';

type EnumTypeName = {
  [Name in keyof introspection_types]: introspection_types[Name] extends { enumValues: string }
    ? Name
    : never;
}[keyof introspection_types];

/** The values of a schema enum, e.g. `EnumValue<'Role'>` is `'COUNTY_ADMIN' | 'TOWNSHIP_CLERK' | …`. */
export type EnumValue<Name extends EnumTypeName> = introspection_types[Name] extends {
  enumValues: infer Values extends string;
}
  ? Values
  : never;
