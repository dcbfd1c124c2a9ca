import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Database } from '@/db/client';
import { auditLog, members } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { importMembers } from '@/lib/members/import/import-members';
import type { ImportReport } from '@/lib/members/import/report';

const SAMPLE = path.join(process.cwd(), 'db/import-samples/old-system-export.csv');
const SAMPLE_NUMBERS = ['30001', '30002', '30003', '30004', '30005', '30006', '30007', '30008'];
const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures/import', name);
const TODAY = '2026-05-01';

let db: Database;
let scratch: string;

beforeAll(async () => {
  db = await getDb();
  await seedReferenceData(db);
  scratch = await mkdtemp(path.join(tmpdir(), 'members-import-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function counts() {
  const [memberCount] = await db.select({ n: count() }).from(members);
  const [auditCount] = await db.select({ n: count() }).from(auditLog);
  return { members: memberCount!.n, audits: auditCount!.n };
}

const run = (source: string | Buffer, dryRun = false) => importMembers(db, source, { dryRun, today: TODAY });

function expectOk(report: ImportReport): Extract<ImportReport, { status: 'ok' }> {
  if (report.status !== 'ok') throw new Error(`expected an ok report, got ${JSON.stringify(report, null, 2)}`);
  return report;
}

function memberNamed(cspaNumber: string) {
  return db.query.members.findFirst({ where: eq(members.cspaNumber, cspaNumber) });
}

describe('importing the sample export', () => {
  it('imports the messy Windows-1252 sample cleanly, with one audit row per member', async () => {
    const before = await counts();
    const report = expectOk(await run(SAMPLE));
    expect(report.format).toEqual({ encoding: 'windows-1252', delimiter: ';' });
    expect(report.created.map((row) => row.cspaNumber)).toEqual(SAMPLE_NUMBERS);
    expect(report.created.map((row) => row.line)).toEqual([2, 4, 5, 6, 7, 8, 9, 10]);
    expect(await counts()).toEqual({ members: before.members + 8, audits: before.audits + 8 });

    const helene = await memberNamed('30001');
    expect(helene).toMatchObject({
      firstName: 'Hélène',
      lastName: 'Côté-Bélanger',
      preferredLanguage: 'fr',
      dateOfBirth: '1975-11-23',
      phone: '+15145550142',
      addressLine1: '350, boulevard René-Lévesque Ouest',
      addressLine2: 'App. 12, Entrée par la ruelle',
      city: 'Montréal',
      province: 'QC',
      postalCode: 'H2Z 1A6',
      country: 'CA',
      categoryCode: 'FULL',
      membershipExpiresOn: '2027-03-31',
      passwordHash: null,
      role: 'member',
      rowVersion: 1,
    });
    expect(await memberNamed('30004')).toMatchObject({ lastName: 'D’Amours', preferredLanguage: 'en', phone: null, categoryCode: 'HONORARY' });
    expect(await memberNamed('30005')).toMatchObject({ province: 'BC', categoryCode: 'FULL' });
    expect(await memberNamed('30007')).toMatchObject({ country: 'FR', postalCode: '75011', phone: '+33142685300' });

    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectMemberId, helene!.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: 'import', actorMemberId: null, action: 'member.import.create' });
    expect(audit[0]!.changes.last_name).toEqual({ old: null, new: 'Côté-Bélanger' });
  });

  it('re-importing the same file changes nothing and writes no audit', async () => {
    await run(SAMPLE);
    const before = await counts();
    const rowVersions = await db.select({ v: members.rowVersion }).from(members).where(inArray(members.cspaNumber, SAMPLE_NUMBERS));
    const report = expectOk(await run(SAMPLE));
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged.map((row) => row.cspaNumber)).toEqual(SAMPLE_NUMBERS);
    expect(await counts()).toEqual(before);
    expect(await db.select({ v: members.rowVersion }).from(members).where(inArray(members.cspaNumber, SAMPLE_NUMBERS))).toEqual(rowVersions);
  });

  it('updates only the columns of the file and never the password hash, role or session version', async () => {
    await run(SAMPLE);
    await db
      .update(members)
      .set({ passwordHash: '$argon2id$kept', role: 'staff', sessionVersion: 7 })
      .where(eq(members.cspaNumber, '30001'));
    const before = (await memberNamed('30001'))!;
    const audits = (await counts()).audits;

    const report = expectOk(await run(fixture('update-some-columns.csv')));
    expect(report.updated).toEqual([{ line: 2, cspaNumber: '30001', columns: ['phone', 'city'] }]);
    expect(report.unchanged).toEqual([{ line: 3, cspaNumber: '30002' }]);

    const after = (await memberNamed('30001'))!;
    expect(after).toEqual({
      ...before,
      phone: '+15145550199',
      city: 'Laval',
      rowVersion: before.rowVersion + 1,
      updatedAt: expect.any(Date),
    });
    expect(after.passwordHash).toBe('$argon2id$kept');
    expect(after.role).toBe('staff');
    expect(after.sessionVersion).toBe(7);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

    expect((await counts()).audits).toBe(audits + 1);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'member.import.update'));
    expect(entry).toMatchObject({
      actorLabel: 'import',
      subjectMemberId: before.id,
      changes: { phone: { old: '+15145550142', new: '+15145550199' }, city: { old: 'Montréal', new: 'Laval' } },
    });
    expect(Object.keys(entry!.changes).sort()).toEqual(['city', 'phone']);
  });

  it('a dry run reports what would change and changes nothing', async () => {
    await run(SAMPLE);
    const before = await counts();
    const file = Buffer.from('cspa_number,first_name,last_name,email,city\n30001,Hélène,Côté-Bélanger,helene.cote-belanger@example.org,Longueuil\n30601,New,Member,new.member@example.org,\n');
    const report = expectOk(await run(file, true));
    expect(report.dryRun).toBe(true);
    expect(report.created).toEqual([{ line: 3, cspaNumber: '30601' }]);
    expect(report.updated).toEqual([{ line: 2, cspaNumber: '30001', columns: ['city'] }]);
    expect(await counts()).toEqual(before);
    expect(await memberNamed('30601')).toBeUndefined();
    expect((await memberNamed('30001'))!.city).not.toBe('Longueuil');
  });
});

describe('rows that are rejected: nothing is imported', () => {
  async function expectRejected(source: string | Buffer, lines: number[]) {
    const before = await counts();
    const report = await run(source);
    if (report.status !== 'rejected') throw new Error(`expected rejected rows, got ${JSON.stringify(report, null, 2)}`);
    expect(report.rejected.map((row) => row.line)).toEqual(lines);
    expect(await counts()).toEqual(before);
    return report.rejected;
  }

  it('bad dates: ambiguous and impossible, valid rows of the same file not imported either', async () => {
    const rejected = await expectRejected(fixture('bad-dates.csv'), [3, 4]);
    expect(rejected[0]!.reasons[0]).toMatch(/^date_of_birth: "03\/04\/1990" is ambiguous/);
    expect(rejected[1]!.reasons[0]).toMatch(/^membership_expires_on: "31\/02\/2027" is not a real date/);
    expect(await memberNamed('30201')).toBeUndefined();
  });

  it('duplicate CSPA numbers within the file', async () => {
    const rejected = await expectRejected(fixture('duplicate-numbers.csv'), [2, 4]);
    expect(rejected[0]).toEqual({ line: 2, cspaNumber: '30301', reasons: ['cspa_number: also on line 4 of the file'] });
  });

  it('bad emails, and an email twice in the file whatever its case', async () => {
    const rejected = await expectRejected(fixture('bad-emails.csv'), [2, 3, 4]);
    expect(rejected.map((row) => row.reasons)).toEqual([
      ['email: "anne@example" is not a valid email address'],
      ['email: also on line 4 of the file'],
      ['email: also on line 3 of the file'],
    ]);
  });

  it('an email another member of the database uses, compared case-insensitively', async () => {
    await run(SAMPLE);
    const file = Buffer.from('cspa_number,first_name,last_name,email\n30701,Anne,Roy,ZOE.TN@example.org\n');
    const rejected = await expectRejected(file, [2]);
    expect(rejected[0]!.reasons).toEqual(['email: ZOE.TN@example.org is already used by member 30003']);
    // The member's own email in another case is fine: it is an update.
    const own = expectOk(await run(Buffer.from('cspa_number,first_name,last_name,email\n30003,Zoë,Tremblay-Nguyen,ZOE.TN@example.org\n')));
    expect(own.updated).toEqual([{ line: 2, cspaNumber: '30003', columns: ['email'] }]);
  });

  it('gives the line where a record starts, after a multi-line quoted field', async () => {
    const rejected = await expectRejected(fixture('multiline-then-bad.csv'), [5]);
    expect(rejected[0]).toEqual({ line: 5, cspaNumber: '30502', reasons: ['email: "not-an-email" is not a valid email address'] });
  });

  it('keeps leading zeros of CSPA numbers', async () => {
    const report = expectOk(await run(Buffer.from('cspa_number,first_name,last_name,email\n0030801,Lead,Zero,lead.zero@example.org\n')));
    expect(report.created).toEqual([{ line: 2, cspaNumber: '0030801' }]);
    expect(await memberNamed('0030801')).toBeDefined();
    expect(await memberNamed('30801')).toBeUndefined();
  });
});

describe('bad files: a clear report, nothing changed', () => {
  async function expectBadFile(source: string | Buffer, problem: RegExp) {
    const before = await counts();
    const started = Date.now();
    const report = await run(source);
    expect(report).toEqual({ status: 'bad-file', dryRun: false, problem: expect.stringMatching(problem) });
    expect(await counts()).toEqual(before);
    return Date.now() - started;
  }

  it('a wrong header names the unknown and missing columns', async () => {
    await expectBadFile(fixture('wrong-header.csv'), /^Wrong header: unknown columns "firstname", "courriel"; missing required columns "first_name", "email"/);
  });

  it('an empty file, and a header with no rows', async () => {
    await expectBadFile(fixture('empty.csv'), /empty/);
    await expectBadFile(fixture('header-only.csv'), /no member rows/);
  });

  it('a missing file', async () => {
    await expectBadFile(path.join(scratch, 'nope.csv'), /no such file/);
  });

  it('10 MB of random binary fails fast', async () => {
    const file = path.join(scratch, 'garbage.bin');
    await writeFile(file, randomBytes(10 * 1024 * 1024));
    expect(await expectBadFile(file, /binary data/)).toBeLessThan(10_000);
  });

  it('10 MB of random bytes without NUL fails fast too', async () => {
    const bytes = randomBytes(10 * 1024 * 1024).map((byte) => (byte === 0 ? 0x20 : byte));
    const file = path.join(scratch, 'garbage.txt');
    await writeFile(file, bytes);
    expect(await expectBadFile(file, /Wrong header|longer than|not valid CSV|quote/)).toBeLessThan(10_000);
  });

  it('a file over the 50 MB limit is refused before reading', async () => {
    const file = path.join(scratch, 'huge.csv');
    const handle = await open(file, 'w');
    await handle.truncate(50 * 1024 * 1024 + 1); // sparse: costs no disk
    await handle.close();
    await expectBadFile(file, /limit is 50 MB/);
  });
});

describe('the command line', () => {
  const tsx = path.join(process.cwd(), 'node_modules/.bin/tsx');

  function cli(script: string, args: string[], pgliteDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
    // The child gets an embedded database of its own, whatever this file's database is.
    const env = { ...process.env, DATABASE_URL: '', PGLITE_DIR: pgliteDir };
    return new Promise((resolve) => {
      execFile(tsx, ['--import', './scripts/server-only-hook.mjs', script, ...args], { env, cwd: process.cwd() }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  it('exits 2 without a file, 0 on the sample, 1 on a bad file', { timeout: 120_000 }, async () => {
    const dir = path.join(scratch, 'cli-db');
    const usage = await cli('scripts/import-members.ts', [], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run members:import -- [--dry-run] FILE.csv');

    expect((await cli('scripts/seed.ts', ['--reference-only'], dir)).code).toBe(0);
    const dry = await cli('scripts/import-members.ts', ['--dry-run', SAMPLE], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would create: 8');

    const imported = await cli('scripts/import-members.ts', [SAMPLE], dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Created: 8 (CSPA 30001, 30002, 30003, 30004, 30005, 30006, 30007, 30008)');
    expect(imported.stdout).toContain('Import complete.');

    const bad = await cli('scripts/import-members.ts', [fixture('bad-dates.csv')], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3 (CSPA 30202): date_of_birth: "03/04/1990" is ambiguous');
    expect(bad.stderr).toContain('Nothing was imported');
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
