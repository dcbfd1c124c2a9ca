import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { withDatabase } from './global-setup';

// Runs before each integration test file, before the code under test reads the environment.
const serverUrl = process.env.TEST_DATABASE_URL;

if (serverUrl) {
  const template = inject('templateDatabase');
  const name = `cspa_t_${template.slice(9)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  afterAll(async () => {
    const { closeDb } = await import('@/db/client');
    await closeDb();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
  afterAll(async () => {
    const { closeDb } = await import('@/db/client');
    await closeDb();
  });
}
delete process.env.VERCEL;
delete process.env.SITE_URL;
