import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Database } from './database';

/**
 * Tables the application may only add to and read: no UPDATE, DELETE, TRUNCATE, and (not being their
 * owner) no ALTER TABLE … DISABLE TRIGGER. A migration that adds another such table adds it here.
 */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The role a postgres:// URL logs in as. */
export function roleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error(`数据库地址未写用户名 (no user in the database URL)`);
  return user;
}

/**
 * What the owner grants the application role, run as the owner after every migration (idempotent):
 * data rights on every table and sequence, then the append-only tables cut back to INSERT and SELECT,
 * and default privileges so tables later migrations create get the same data rights.
 */
export function applicationGrantStatements(owner: string, app: string): string[] {
  const o = quoteIdent(owner);
  const a = quoteIdent(app);
  return [
    `GRANT USAGE ON SCHEMA public TO ${a}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${a}`,
    // /readyz compares the applied migrations with the build's.
    `DO $$ BEGIN IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN GRANT USAGE ON SCHEMA drizzle TO ${a}; GRANT SELECT ON drizzle.__drizzle_migrations TO ${a}; END IF; END $$`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`,
    // Before the first migration the table does not exist yet; the API applies these again after it.
    ...APPEND_ONLY_TABLES.map((table) => {
      const t = `public.${quoteIdent(table)}`;
      return `DO $$ BEGIN IF to_regclass(${quoteLiteral(t)}) IS NOT NULL THEN
  EXECUTE ${quoteLiteral(`REVOKE ALL ON TABLE ${t} FROM PUBLIC`)};
  EXECUTE ${quoteLiteral(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE ${t} FROM ${a}`)};
  EXECUTE ${quoteLiteral(`GRANT SELECT, INSERT ON TABLE ${t} TO ${a}`)};
END IF; END $$`;
    }),
  ];
}

export interface RoleSetup {
  /** Connection to the server as a superuser (or a role with CREATEROLE and CREATEDB). */
  adminUrl: string;
  /** The owner's URL (DATABASE_MIGRATION_URL): its user, password and database name are used. */
  ownerUrl: string;
  /** The application's URL (DATABASE_URL): its user and password are used. */
  appUrl: string;
}

function ensureRole(name: string, password: string, attributes: string): string {
  const ident = quoteIdent(name);
  const setPassword = password ? ` PASSWORD ${quoteLiteral(password)}` : '';
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN CREATE ROLE ${ident}; END IF;
END $$;
ALTER ROLE ${ident} LOGIN ${attributes}${setPassword};`;
}

/** Statements run on the server's maintenance database: the two roles, the application role not a member of the owner. */
export function roleStatements({ ownerUrl, appUrl }: Omit<RoleSetup, 'adminUrl'>): string[] {
  const owner = roleOf(ownerUrl);
  const app = roleOf(appUrl);
  if (owner === app)
    throw new Error('DATABASE_URL 与 DATABASE_MIGRATION_URL 必须是两个不同的角色 (two roles)');
  const base = 'NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  return [
    ensureRole(owner, decodeURIComponent(new URL(ownerUrl).password), `${base} NOCREATEDB`),
    ensureRole(app, decodeURIComponent(new URL(appUrl).password), `${base} NOCREATEDB`),
    `REVOKE ${quoteIdent(owner)} FROM ${quoteIdent(app)}`,
  ];
}

/** Statements run in the application's database once it exists: owned by the owner, the app may connect. */
export function databaseStatements({ ownerUrl, appUrl }: Omit<RoleSetup, 'adminUrl'>): string[] {
  const owner = quoteIdent(roleOf(ownerUrl));
  const app = quoteIdent(roleOf(appUrl));
  const database = quoteIdent(databaseOf(ownerUrl));
  return [
    `ALTER DATABASE ${database} OWNER TO ${owner}`,
    `ALTER SCHEMA public OWNER TO ${owner}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${app}`,
  ];
}

export function databaseOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error('数据库地址未写数据库名 (no database name in the URL)');
  return name;
}

/**
 * Creates (or brings up to date) the owner and application roles and the database, then the grants:
 * idempotent, so it may run again after any change. The application's grants on tables are applied
 * again by the API after each migration.
 */
export async function setUpRoles(setup: RoleSetup, connect: typeof postgres): Promise<void> {
  if (databaseOf(setup.ownerUrl) !== databaseOf(setup.appUrl)) {
    throw new Error('DATABASE_URL 与 DATABASE_MIGRATION_URL 必须指向同一个数据库 (same database)');
  }
  const admin = connect(setup.adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (const statement of roleStatements(setup)) await admin.unsafe(statement);
    const database = databaseOf(setup.ownerUrl);
    const [found] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!found) {
      await admin.unsafe(
        `CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(roleOf(setup.ownerUrl))}`,
      );
    }
  } finally {
    await admin.end();
  }
  const inDatabase = new URL(setup.adminUrl);
  inDatabase.pathname = `/${encodeURIComponent(databaseOf(setup.ownerUrl))}`;
  const adminInDatabase = connect(inDatabase.toString(), { max: 1, onnotice: () => {} });
  try {
    for (const statement of databaseStatements(setup)) await adminInDatabase.unsafe(statement);
  } finally {
    await adminInDatabase.end();
  }
  const owner = connect(setup.ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await applyApplicationGrants(owner, roleOf(setup.appUrl));
  } finally {
    await owner.end();
  }
}

/** Runs `applicationGrantStatements` on a connection logged in as the owner. */
export async function applyApplicationGrants(owner: postgres.Sql, app: string): Promise<void> {
  const [{ role }] = (await owner`select current_user as role`) as unknown as [{ role: string }];
  for (const statement of applicationGrantStatements(role, app)) await owner.unsafe(statement);
}

/**
 * What the connected role could do to the audit log beyond adding and reading rows; empty when the log
 * is append-only for it. (PGlite's only user is a superuser, so there it is never empty.)
 */
export async function auditLogExposure(db: Database): Promise<string[]> {
  const result = await db.execute(
    sql.raw(`select
    (select rolsuper from pg_roles where rolname = current_user) as superuser,
    pg_has_role(current_user, c.relowner, 'USAGE') as owner,
    has_table_privilege(c.oid, 'UPDATE') as "update",
    has_table_privilege(c.oid, 'DELETE') as "delete",
    has_table_privilege(c.oid, 'TRUNCATE') as "truncate",
    has_table_privilege(c.oid, 'TRIGGER') as "trigger"
    from pg_class c where c.oid = 'public.audit_log'::regclass`),
  );
  const [row] = Array.isArray(result)
    ? result
    : (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return Object.entries(row ?? {})
    .filter(([, granted]) => granted === true)
    .map(([what]) => what);
}
