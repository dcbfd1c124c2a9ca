import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { randomBytes } from 'node:crypto';

/**
 * With TEST_DATABASE_URL set, integration tests run on a real PostgreSQL: one template database,
 * migrated once per run, that every test file clones into a database of its own (so runs and files
 * never collide). Without it, each file uses an in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;

  const templateName = `cspa_tpl_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${templateName}"`);
  const templateUrl = withDatabase(serverUrl, templateName);

  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const migrator = postgres(templateUrl, { max: 1, onnotice: () => {} });
  await migrate(drizzle({ client: migrator }), { migrationsFolder: 'db/migrations' });
  await migrator.end();

  project.provide('templateDatabase', templateName);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      SELECT datname FROM pg_database WHERE datname LIKE ${`cspa_t_${templateName.slice(9)}%`} OR datname = ${templateName}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.end();
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
