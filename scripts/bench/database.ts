import postgres from 'postgres';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabase = { url: string; name: string; drop: () => Promise<void> };

/**
 * A new, empty database named `cspa_bench_<port>_<time>` on the given server. Leftovers of an earlier run
 * on the same port (a crash, Ctrl-C) are dropped first; other ports' databases are left alone.
 */
export async function createBenchDatabase(serverUrl: string, port: number): Promise<BenchDatabase> {
  const prefix = `cspa_bench_${port}_`;
  const name = `${prefix}${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const stale = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`${prefix}%`}`;
  for (const { datname } of stale) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
