import { auditLogExposure, createDb } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import { clock } from './clock';
import { env } from './env';
import { diskGuard } from './ops/disk-full';
import { statementCounter } from './ops/request-context';
import { createApp } from './server';

const handle = createDb({
  databaseUrl: env.databaseUrl,
  migrationUrl: env.databaseMigrationUrl,
  dataDir: env.dataDir,
  statementTimeoutMs: env.statementTimeoutMs,
  logger: statementCounter,
});
console.log(
  handle.kind === 'pglite' ? `embedded PGlite in ${env.dataDir}` : 'PostgreSQL server (DATABASE_URL)',
);
await handle.migrate();
const exposure = await auditLogExposure(handle.db);
if (exposure.length > 0 && handle.kind === 'postgres') {
  console.warn(
    `WARNING: the audit log is not append-only for this API's database role (${exposure.join(', ')}): ` +
      'it could rewrite or delete audit rows. Run migrations as a separate owner role with DATABASE_MIGRATION_URL ' +
      '(README, "A PostgreSQL server instead of PGlite").',
  );
} else if (handle.kind === 'postgres') {
  console.log('audit log append-only for the application role (INSERT and SELECT only)');
}
if (env.seedDemo && handle.kind === 'pglite') {
  const seeded = await handle.db.transaction((tx) => seedJianghua(tx, undefined, clock.now()));
  if (seeded) console.log('loaded the Jianghua demo county (江华瑶族自治县演示数据)');
}

const embeddedOnDisk = handle.kind === 'pglite' && env.dataDir !== 'memory://';
const { app, apollo } = await createApp(handle, undefined, undefined, {
  disk: embeddedOnDisk ? diskGuard(env.dataDir) : undefined,
});
const server = app.listen(env.port, env.host, () => {
  const base = `http://${env.host}:${env.port}`;
  console.log(`listening on ${base}`);
  console.log(`  admin console     ${base}/admin/`);
  console.log(`  leadership client ${base}/leadership/`);
  if (env.ideEnabled) console.log(`  GraphQL IDE       ${base}/ide/`);
  console.log(`  GraphQL endpoint  ${base}/graphql`);
});

let stopping = false;
/** Stops taking requests, closes idle and active connections, then the database; never hangs past 10 s. */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close();
  server.closeAllConnections();
  await apollo.stop();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
