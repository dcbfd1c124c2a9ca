import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { closeDb, getDb } from './client';

/** Applies the committed migrations to whichever database the environment names. */
export async function migrateDatabase(): Promise<void> {
  if (!env().databaseUrl) {
    await getDb(); // PGlite migrates itself on first use
    return;
  }
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // A dedicated single connection: migrations must not go through a transaction-mode pooler's statement cache.
  const client = postgres(env().databaseUrl!, { max: 1, prepare: false, onnotice: () => {} });
  try {
    await migrate(drizzle({ client }), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  } finally {
    await client.end({ timeout: 5 });
  }
}

export { closeDb };
