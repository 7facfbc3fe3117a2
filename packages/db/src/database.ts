import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { relations } from './schema/relations';

export type Relations = typeof relations;
/** The one database type the API codes against: the common base of the PGlite and postgres.js clients. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, Relations>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbExecutor = Database | Transaction;
