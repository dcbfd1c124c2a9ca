import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import * as schema from './schema';

/**
 * The one place that knows which database is in use:
 * postgres.js when DATABASE_URL is set, otherwise an embedded PGlite folder
 * (migrated on first use, so a newcomer needs no database server).
 */

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

type Connection = { db: Database; close: () => Promise<void> };

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

// Survives Next's module reloading in dev: one connection per process.
const holder = globalThis as unknown as { __cspaDb?: Promise<Connection> };

async function connectPostgres(url: string): Promise<Connection> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { databasePoolMode, databasePoolMax } = env();
  const client = postgres(url, {
    max: databasePoolMax,
    // Transaction-mode poolers (PgBouncer, Supavisor, Neon's pooler) cannot keep prepared statements.
    prepare: databasePoolMode !== 'transaction',
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
  });
  const db = drizzle({ client, schema }) as unknown as Database;
  return { db, close: () => client.end({ timeout: 5 }) };
}

async function connectPglite(dataDir: string): Promise<Connection> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataDir.startsWith('memory://');
  const resolvedDir = inMemory ? dataDir : path.resolve(dataDir);
  // PGlite creates only the last folder of its path.
  if (!inMemory) mkdirSync(path.dirname(resolvedDir), { recursive: true });
  const client = await PGlite.create(resolvedDir);
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Database, close: () => client.close() };
}

function connect(): Promise<Connection> {
  const { databaseUrl, pgliteDir } = env();
  return databaseUrl ? connectPostgres(databaseUrl) : connectPglite(pgliteDir);
}

export async function getDb(): Promise<Database> {
  holder.__cspaDb ??= connect().catch((error: unknown) => {
    holder.__cspaDb = undefined;
    throw error;
  });
  return (await holder.__cspaDb).db;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__cspaDb;
  holder.__cspaDb = undefined;
  if (pending) await (await pending).close();
}

export function usesEmbeddedDatabase(): boolean {
  return !env().databaseUrl;
}

export { schema };
