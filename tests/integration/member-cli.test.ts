import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, schema, type Database } from '@/db/client';
import { auditLog, emailOutbox, members, type NewMember } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';

/**
 * `npm run member -- …` as the office runs it: a child process. On a server the child shares this file's
 * database; with PGlite (one process per data folder) it gets a folder of its own, which this file opens
 * only while no child runs.
 */
type Target = { env: Record<string, string>; use: <T>(work: (db: Database) => Promise<T>) => Promise<T> };

let target: Target;
let scratch: string;

async function pgliteTarget(dir: string): Promise<Target> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  return {
    env: { DATABASE_URL: '', PGLITE_DIR: dir },
    async use(work) {
      const client = await PGlite.create(dir);
      try {
        const db = drizzle({ client, schema });
        await migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
        return await work(db as unknown as Database);
      } finally {
        await client.close();
      }
    },
  };
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(process.cwd(), 'node_modules/.bin/tsx');
  // No email provider: what the command sends stays in the outbox, where the test reads it.
  const env = { ...process.env, RESEND_API_KEY: '', ...target.env };
  return new Promise((resolve) => {
    execFile(tsx, ['--import', './scripts/server-only-hook.mjs', 'scripts/member.ts', ...args], { env, cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function newMember(values: Partial<NewMember>): NewMember {
  const cspaNumber = String(randomInt(100_000, 9_999_999));
  return { cspaNumber, firstName: 'Alex', lastName: 'Essai', email: `member${cspaNumber}@example.com`, categoryCode: 'FULL', ...values };
}

// One member per test, so no test depends on another having run.
const alice = newMember({ firstName: 'Alice', preferredLanguage: 'en' });
const bruno = newMember({ firstName: 'Bruno' });
const carla = newMember({ firstName: 'Carla' });
const denis = newMember({ firstName: 'Denis' });
const elise = newMember({ firstName: 'Élise', cardToken: 'AAAAAAAAAAAAAAAAAAAAAA' });

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'member-cli-'));
  const onServer = Boolean(process.env.DATABASE_URL);
  target = onServer
    ? { env: { DATABASE_URL: process.env.DATABASE_URL! }, use: async (work) => work(await getDb()) }
    : await pgliteTarget(path.join(scratch, 'db'));
  await target.use(async (db) => {
    await seedReferenceData(db);
    await db.insert(members).values([alice, bruno, carla, denis, elise]);
  });
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const memberByNumber = (db: Database, cspaNumber: string) => db.query.members.findFirst({ where: eq(members.cspaNumber, cspaNumber) });

describe('npm run member', { timeout: 120_000 }, () => {
  it('reset-link emails a link to the address on file, in the member’s language', async () => {
    const run = await cli('reset-link', alice.cspaNumber);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Reset link for CSPA ${alice.cspaNumber} sent to ${alice.email} (en), valid 60 minutes.`);
    const sent = await target.use(async (db) => {
      const member = await memberByNumber(db, alice.cspaNumber);
      return db.select().from(emailOutbox).where(eq(emailOutbox.memberId, member!.id));
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ toAddress: alice.email, template: 'password-reset', locale: 'en', status: 'pending' });
    expect(sent[0]!.text).toContain('http://localhost:3000/en/reset-password?token=');
  });

  it('refuses an unknown CSPA number and an unknown command, in one line, with exit code 1', async () => {
    const unknown = await cli('reset-link', '99999999999');
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'No member with CSPA number 99999999999.\n' });

    const wrong = await cli('frobnicate', alice.cspaNumber);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^Unknown command: frobnicate\nUsage:\n/);
    expect(wrong.stderr).toContain('npm run member -- set-email CSPA_NUMBER NEW_EMAIL');
  });

  it('set-email changes the address, audited as cli:set-email', async () => {
    const newEmail = `bruno.${Date.now()}@example.org`;
    const run = await cli('set-email', bruno.cspaNumber, newEmail);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`CSPA ${bruno.cspaNumber}: email changed from ${bruno.email} to ${newEmail}`);
    const { member, audit } = await target.use(async (db) => {
      const member = await memberByNumber(db, bruno.cspaNumber);
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectMemberId, member!.id), eq(auditLog.action, 'member.email.change')));
      return { member, audit };
    });
    expect(member).toMatchObject({ email: newEmail, rowVersion: 2 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: 'cli:set-email', actorMemberId: null, changes: { email: { old: bruno.email, new: newEmail } } });
  });

  it('set-email refuses a bad address and a taken one, and changes nothing', async () => {
    const bad = await cli('set-email', carla.cspaNumber, 'carla-at-example');
    expect(bad).toMatchObject({ code: 1, stderr: 'Not a valid email address: "carla-at-example".\n' });

    const taken = await cli('set-email', carla.cspaNumber, denis.email.toUpperCase());
    expect(taken).toMatchObject({ code: 1, stderr: `${denis.email.toUpperCase()} is already used by CSPA ${denis.cspaNumber}.\n` });

    const unknown = await cli('set-email', '99999999999', `nobody.${Date.now()}@example.org`);
    expect(unknown).toMatchObject({ code: 1, stderr: 'No member with CSPA number 99999999999.\n' });

    const unchanged = await target.use(async (db) => {
      const member = await memberByNumber(db, carla.cspaNumber);
      const audit = await db.select().from(auditLog).where(eq(auditLog.subjectMemberId, member!.id));
      return { email: member!.email, rowVersion: member!.rowVersion, audits: audit.length };
    });
    expect(unchanged).toEqual({ email: carla.email, rowVersion: 1, audits: 0 });
  });

  it('rotate-card gives the member a new card code, so cards printed before stop verifying', async () => {
    const run = await cli('rotate-card', elise.cspaNumber);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`CSPA ${elise.cspaNumber}: new card code`);
    const after = await target.use(async (db) => {
      const member = await memberByNumber(db, elise.cspaNumber);
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectMemberId, member!.id), eq(auditLog.action, 'member.card.rotate')));
      return { token: member!.cardToken, audits: audit.map((entry) => entry.actorLabel) };
    });
    expect(after.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(after.token).not.toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(after.audits).toEqual(['cli:rotate-card']);
    expect((await cli('rotate-card', '99999999999')).code).toBe(1);
  });
});
