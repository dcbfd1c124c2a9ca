import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import postgres from 'postgres';

/**
 * Started by Playwright: prepares a fresh, seeded database of the kind E2E_DATABASE names,
 * then serves the production build (`next start`) against it.
 * - pglite: a new embedded data folder, seeded before the server opens it (one process per folder).
 * - postgres: a new database on TEST_DATABASE_URL's server, dropped when the server stops.
 */

const kind = process.env.E2E_DATABASE ?? 'pglite';
const port = process.env.E2E_PORT ?? '3200';
// CRON_SECRET lets the tests call the cron routes the way the host's scheduler does.
const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1', CRON_SECRET: process.env.CRON_SECRET ?? 'e2e-cron-secret' };
delete childEnv.SITE_URL;
delete childEnv.VERCEL;
// The demo payment page stands in for Stripe in the browser tests.
delete childEnv.STRIPE_SECRET_KEY;
let cleanup = async () => {};

if (kind === 'postgres') {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('E2E_DATABASE=postgres needs TEST_DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/test)');
  // Named by port: runs on other ports (a second checkout, a benchmark) keep their databases.
  const name = `cspa_e2e_${port}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const stale = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`cspa_e2e_${port}_%`}`;
  for (const { datname } of stale) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  childEnv.DATABASE_URL = url.toString();
  delete childEnv.PGLITE_DIR;
  cleanup = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  const dir = `.data/e2e-pglite-${port}`;
  rmSync(dir, { recursive: true, force: true });
  childEnv.PGLITE_DIR = dir;
  delete childEnv.DATABASE_URL;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childEnv, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

await run(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/seed.ts']);
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { env: childEnv, stdio: 'inherit' });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await cleanup();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  if (!stopping) {
    void cleanup().finally(() => process.exit(code ?? 1));
  }
});
