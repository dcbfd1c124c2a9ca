import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { SeedRefusedError } from '@/db/seed';
import { seedBenchData } from '@/db/seed/bench';

/**
 * `npm run db:seed:bench [-- --members 5000]`: reference data and thousands of made-up members in the
 * database DATABASE_URL names (or the local PGlite folder), for benchmarks. Idempotent; refuses to run deployed.
 */
const { values } = parseArgs({ options: { members: { type: 'string', default: '5000' } } });
const count = Number(values.members);
if (!Number.isInteger(count) || count < 1 || count > 200_000) throw new Error(`--members must be an integer from 1 to 200000, got ${values.members}`);

try {
  await migrateDatabase();
  const started = performance.now();
  const { members } = await seedBenchData(await getDb(), { count });
  console.log(`Bench data loaded: ${members} members (reference data included) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  if (error instanceof SeedRefusedError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await closeDb();
}
