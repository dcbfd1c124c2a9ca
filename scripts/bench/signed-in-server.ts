import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';

/**
 * For load runs: a production server (`next start`) on a freshly seeded database, and a real
 * session cookie for a demo member, made the way Auth.js makes it (same secret, same salt).
 */

export type BenchServer = { baseUrl: string; cookie: string; stop: () => Promise<void> };

const SESSION_COOKIE = 'authjs.session-token';

export async function startSignedInServer({ port, email }: { port: number; email: string }): Promise<BenchServer> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build: run `npm run build` first.');
  const usePglite = !process.env.DATABASE_URL;
  const dataDir = `.data/bench-pglite-${port}`;
  if (usePglite) {
    rmSync(dataDir, { recursive: true, force: true });
    process.env.PGLITE_DIR = dataDir;
  }
  process.env.PORT = String(port);

  const { getDb, closeDb } = await import('@/db/client');
  const { seedDemoData } = await import('@/db/seed');
  const { members } = await import('@/db/schema');
  const { startSession } = await import('@/lib/auth/sessions');
  const { env } = await import('@/lib/env');
  const db = await getDb();
  await seedDemoData(db);
  const [member] = await db.select({ id: members.id, sv: members.sessionVersion }).from(members).where(eq(members.email, email));
  if (!member) throw new Error(`No demo member ${email}`);
  const sessionId = await startSession(db, member.id);
  const token = await encode({ token: { sub: member.id, sid: sessionId, sv: member.sv }, secret: env().authSecret, salt: SESSION_COOKIE });
  // PGlite allows one process per folder: let go of it before the server opens it.
  await closeDb();

  const server: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/fr`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The server did not start within a minute');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    cookie: `${SESSION_COOKIE}=${token}`,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      if (usePglite) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
