import { createDb } from '../client';
import { seedJianghua } from './jianghua';

const handle = createDb({
  databaseUrl: process.env.DATABASE_URL,
  migrationUrl: process.env.DATABASE_MIGRATION_URL,
  dataDir: process.env.GONGJIAN_DATA_DIR ?? '.data',
});
await handle.migrate();
const seeded = await handle.db.transaction((tx) => seedJianghua(tx));
console.log(
  seeded
    ? '江华瑶族自治县演示数据已载入 (demo data loaded)'
    : '演示数据已存在,未重复载入 (demo data already present)',
);
await handle.close();
