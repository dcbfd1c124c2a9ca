import { closeDb, getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData, seedReferenceData, SeedRefusedError } from '@/db/seed';

// `npm run db:seed` loads reference and demo data; `-- --reference-only` loads only the reference tables (safe deployed).
const referenceOnly = process.argv.includes('--reference-only');

try {
  await migrateDatabase();
  const db = await getDb();
  if (referenceOnly) {
    await seedReferenceData(db);
    console.log('Reference data loaded.');
  } else {
    const { members } = await seedDemoData(db);
    console.log(`Demo data loaded: ${members} members (reference data included).`);
  }
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
