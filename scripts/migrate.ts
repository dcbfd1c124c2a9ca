import { closeDb, migrateDatabase } from '@/db/migrate';

await migrateDatabase();
await closeDb();
console.log('Migrations applied.');
