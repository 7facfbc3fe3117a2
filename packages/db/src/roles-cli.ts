// pnpm db:roles: creates the owner and application roles and the database, and the grants (idempotent).
// DATABASE_ADMIN_URL: a superuser on the server; DATABASE_MIGRATION_URL: the owner; DATABASE_URL: the app.
// With --print, prints the statements for a DBA to run with psql instead.
import postgres from 'postgres';
import {
  applicationGrantStatements,
  databaseOf,
  databaseStatements,
  quoteIdent,
  roleOf,
  roleStatements,
  setUpRoles,
} from './roles';

const adminUrl = process.env.DATABASE_ADMIN_URL;
const ownerUrl = process.env.DATABASE_MIGRATION_URL;
const appUrl = process.env.DATABASE_URL;
if (!ownerUrl || !appUrl || (!adminUrl && !process.argv.includes('--print'))) {
  console.error(
    '需要 DATABASE_ADMIN_URL, DATABASE_MIGRATION_URL 与 DATABASE_URL (see README, "A PostgreSQL server")',
  );
  process.exit(2);
}
if (process.argv.includes('--print')) {
  const database = databaseOf(ownerUrl);
  console.log(
    [
      ...roleStatements({ ownerUrl, appUrl }),
      `-- if the database does not exist yet:\n-- CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(roleOf(ownerUrl))};`,
      `\\connect ${quoteIdent(database)}`,
      ...databaseStatements({ ownerUrl, appUrl }),
      `SET ROLE ${quoteIdent(roleOf(ownerUrl))}`,
      ...applicationGrantStatements(roleOf(ownerUrl), roleOf(appUrl)),
      'RESET ROLE',
    ]
      .map((s) => (s.endsWith(';') || s.startsWith('\\') || s.startsWith('--') ? s : `${s};`))
      .join('\n'),
  );
} else {
  await setUpRoles({ adminUrl: adminUrl!, ownerUrl, appUrl }, postgres);
  console.log(
    `角色已就绪 (roles ready): ${roleOf(ownerUrl)} owns ${databaseOf(ownerUrl)} and runs migrations; ${roleOf(appUrl)} may only add to and read the audit log`,
  );
}
