import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, isNotNull, like } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { buildState } from './bench/build-state';
import { measureClientScripts } from './bench/client-js';
import { resultsTable, type BenchResults } from './bench/compare';
import { createBenchDatabase, DEFAULT_SERVER_URL } from './bench/database';
import { runLighthouse } from './bench/lighthouse';
import { loadRun, type LoadResult } from './bench/load';
import { JS_PAGES, LIGHTHOUSE_CATEGORIES, LIGHTHOUSE_PAGES } from './bench/metrics';
import { startNextServer } from './bench/next-server';
import { processCpuMs } from './bench/process-cpu';
import { floodSignIns, measureEnumerationTiming, readSignInForm } from './bench/sign-in';
import { formatNumber, formatTable } from './bench/stats';

/**
 * `npm run bench`: the production build (`next start`) on a fresh PostgreSQL database seeded with
 * 5,000 members; load on the profile page and the card route, client JavaScript per page, cold start,
 * card size, sign-in timing for known and unknown accounts, a sign-in flood's effect on other members,
 * and Lighthouse. Prints one table and writes bench/results/<time>.json and bench/results/latest.json.
 *
 * `npm run bench -- --short` (`npm run bench:ci`): 500 members, a few seconds of load, no Lighthouse,
 * and never builds (CI runs it after its own build). Options: --members N, --seconds N, --port N,
 * --no-lighthouse, --no-build, --note "text".
 */

const { values: options } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    members: { type: 'string' },
    seconds: { type: 'string' },
    port: { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
  },
});
const short = options.short;
const memberCount = Number(options.members ?? (short ? 500 : 5000));
const seconds = Number(options.seconds ?? (short ? 3 : 10));
const port = Number(options.port ?? (short ? 3403 : 3402));
if ([3200, 3201, 3300, 3301].includes(port)) throw new Error(`Port ${port} belongs to the end-to-end tests`);
const signInAttempts = short ? 30 : 200;
const withLighthouse = !short && !options['no-lighthouse'];
const SESSION_COOKIE = 'authjs.session-token';

const log = (line: string) => console.log(`[bench] ${line}`);

// ── The build ──────────────────────────────────────────────────────────────────
const build = buildState();
if (build === 'missing' && (short || options['no-build'])) throw new Error('No production build: run `npm run build` first.');
if (build === 'stale' && (short || options['no-build'])) {
  // CI's short run measures the build it has just made; a touched file must not stop it.
  log('warning: the production build is older than some source files; measuring it anyway');
} else if (build !== 'fresh') {
  log(`production build ${build}: running next build`);
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
}

// ── A fresh database, seeded ───────────────────────────────────────────────────
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER_URL;
const database = await createBenchDatabase(serverUrl, port);
// Local mode (no deployed-only checks), this database, this port: read by lib/env.ts here and in the server.
delete process.env.SITE_URL;
delete process.env.VERCEL;
delete process.env.PGLITE_DIR;
process.env.DATABASE_URL = database.url;
process.env.PORT = String(port);

const startedAt = new Date();
const loadBefore = loadavg()[0]!;
const metrics: Record<string, number> = {};
const details: string[] = [];
let stopServer = async () => {};
const { closeDb, getDb } = await import('@/db/client');
// Stopped from outside (Ctrl-C, CI's time limit): still stop the server and drop the database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void stopServer()
      .then(() => database.drop())
      .finally(() => process.exit(130));
  });
}

try {
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedBenchData } = await import('@/db/seed/bench');
  const { BENCH_EMAIL_DOMAIN } = await import('@/db/seed/bench-data');
  const { members, throttleCounters } = await import('@/db/schema');
  const { startSession } = await import('@/lib/auth/sessions');
  const { env } = await import('@/lib/env');

  await migrateDatabase();
  const seedStarted = performance.now();
  await seedBenchData(await getDb(), { count: memberCount });
  log(`${database.name}: ${memberCount} members seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const db = await getDb();
  const accounts = await db
    .select({ id: members.id, email: members.email, sv: members.sessionVersion, cardToken: members.cardToken })
    .from(members)
    .where(and(like(members.email, `%@${BENCH_EMAIL_DOMAIN}`), isNotNull(members.passwordHash), isNotNull(members.cardToken)))
    .orderBy(asc(members.cspaNumber));
  const member = accounts[0]!;
  const sessionId = await startSession(db, member.id);
  const token = await encode({ token: { sub: member.id, sid: sessionId, sv: member.sv }, secret: env().authSecret, salt: SESSION_COOKIE });
  const cookie = `${SESSION_COOKIE}=${token}`;
  const resetThrottle = () => db.delete(throttleCounters);

  // ── Cold start ─────────────────────────────────────────────────────────────
  const server = await startNextServer({ port, env: process.env });
  stopServer = server.stop;
  metrics['coldStart.ms'] = server.coldStartMs;
  const { baseUrl } = server;
  log(`next start answered 200 after ${server.coldStartMs.toFixed(0)} ms`);

  const profileUrl = `${baseUrl}/fr/account`;
  const cardUrl = `${baseUrl}/fr/account/card`;
  const profile = await fetch(profileUrl, { headers: { cookie }, redirect: 'manual' });
  // The member's own email appears only on their signed-in profile.
  if (profile.status !== 200 || !(await profile.text()).includes(member.email)) throw new Error(`The profile answered ${profile.status}, not the signed-in page`);
  const card = await fetch(cardUrl, { headers: { cookie }, redirect: 'manual' });
  if (card.headers.get('content-type') !== 'application/pdf') throw new Error(`The card route answered ${card.status} ${card.headers.get('content-type')}`);
  metrics['card.kib'] = (await card.arrayBuffer()).byteLength / 1024;

  // ── Load ───────────────────────────────────────────────────────────────────
  const loads: Record<string, LoadResult> = {};
  for (const [route, url] of [['profile', profileUrl], ['card', cardUrl]] as const) {
    await loadRun({ url, cookie, connections: 10, seconds: short ? 1 : 3 }); // warm-up: JIT, pools, caches
    loads[`${route} 1 client`] = await loadRun({ url, cookie, connections: 1, seconds });
    const cpuBefore = processCpuMs(server.pid);
    loads[`${route} 50 clients`] = await loadRun({ url, cookie, connections: 50, seconds });
    const cpuAfter = processCpuMs(server.pid);
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      metrics[`${route}.cpuMsPerRequest`] = (cpuAfter - cpuBefore) / Math.max(1, loads[`${route} 50 clients`]!.requests);
    }
    const one = loads[`${route} 1 client`]!;
    const fifty = loads[`${route} 50 clients`]!;
    Object.assign(metrics, {
      [`${route}.c1.p50`]: one.p50,
      [`${route}.c1.p95`]: one.p95,
      [`${route}.c50.rps`]: fifty.requestsPerSecond,
      [`${route}.c50.p50`]: fifty.p50,
      [`${route}.c50.p95`]: fifty.p95,
      [`${route}.c50.p99`]: fifty.p99,
    });
    log(`${route}: 1 client p50 ${formatNumber(one.p50)} ms; 50 clients ${fifty.requestsPerSecond} req/s, ${formatNumber(metrics[`${route}.cpuMsPerRequest`])} ms of server CPU a request`);
  }
  details.push(
    formatTable(
      ['load (autocannon)', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors'],
      Object.entries(loads).map(([name, r]) => [name, String(r.requestsPerSecond), formatNumber(r.p50), formatNumber(r.p95), formatNumber(r.p99), String(r.requests), String(r.errors + r.non2xx)]),
    ),
  );

  // ── Client JavaScript ──────────────────────────────────────────────────────
  const pages: Record<keyof typeof JS_PAGES, string> = {
    home: '/fr',
    signIn: '/fr/login',
    forgotPassword: '/fr/forgot-password',
    profile: '/fr/account',
    changePassword: '/fr/account/password',
    verify: `/fr/verify/${member.cardToken}`,
  };
  const scripts = await measureClientScripts({
    baseUrl,
    pages,
    cookie: { name: SESSION_COOKIE, value: token },
    signedIn: ['profile', 'changePassword'],
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  for (const [key, size] of Object.entries(scripts)) metrics[`js.${key}`] = size.kib;
  details.push(formatTable(['client JS (gzip)', 'KiB', 'scripts'], Object.entries(scripts).map(([key, s]) => [pages[key as keyof typeof pages], formatNumber(s.kib), String(s.scripts)])));

  // ── Sign-in timing: known account with a wrong password vs unknown account ─
  await resetThrottle();
  const form = await readSignInForm(baseUrl);
  const known = accounts.slice(1).map((account) => account.email);
  const timing = await measureEnumerationTiming(form, { knownIdentifiers: known, attempts: signInAttempts, warmUp: 5 });
  Object.assign(metrics, { 'signIn.knownMedian': timing.knownMedian, 'signIn.unknownMedian': timing.unknownMedian, 'signIn.gapMs': timing.gapMs });
  details.push(
    formatTable(
      [`failed sign-ins (${timing.attempts} each)`, 'median ms', 'p95 ms'],
      [
        ['known account, wrong password', formatNumber(timing.knownMedian), formatNumber(timing.knownP95)],
        ['unknown account', formatNumber(timing.unknownMedian), formatNumber(timing.unknownP95)],
        ['gap of the medians', formatNumber(timing.gapMs), ''],
      ],
    ),
  );

  // ── A flood of failed sign-ins, and another member's profile meanwhile ─────
  await resetThrottle();
  const quiet = await loadRun({ url: profileUrl, cookie, connections: 1, seconds });
  const stop = new AbortController();
  const flooding = floodSignIns(form, { workers: 8, signal: stop.signal });
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the flood reach its pace
  const flooded = await loadRun({ url: profileUrl, cookie, connections: 1, seconds });
  stop.abort();
  const flood = await flooding;
  await resetThrottle();
  Object.assign(metrics, { 'flood.quietP50': quiet.p50, 'flood.floodedP50': flooded.p50 });
  details.push(
    formatTable(
      ['profile, 1 client', 'p50 ms', 'p95 ms', 'req/s'],
      [
        ['quiet', formatNumber(quiet.p50), formatNumber(quiet.p95), String(quiet.requestsPerSecond)],
        [`during a flood (8 clients, ${formatNumber(flood.attempts / (seconds + 0.5))} failed sign-ins/s)`, formatNumber(flooded.p50), formatNumber(flooded.p95), String(flooded.requestsPerSecond)],
      ],
    ),
  );

  // ── Lighthouse ─────────────────────────────────────────────────────────────
  if (withLighthouse) {
    const targets: Record<keyof typeof LIGHTHOUSE_PAGES, string> = { home: pages.home, signIn: pages.signIn, profile: pages.profile, verify: pages.verify };
    for (const [page, pagePath] of Object.entries(targets)) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const categories = Object.keys(LIGHTHOUSE_CATEGORIES).filter((c) => !(page === 'verify' && c === 'seo'));
        const started = performance.now();
        const run = () => runLighthouse({ url: `${baseUrl}${pagePath}`, formFactor, categories, cookie: page === 'profile' ? cookie : undefined });
        // Lighthouse sometimes loses its trace (NO_NAVSTART) on a busy machine: one retry, then the page goes unmeasured.
        const outcome = await run().catch(() => run()).catch((error: unknown) => error as Error);
        if (outcome instanceof Error) {
          log(`Lighthouse ${page} ${formFactor}: not measured (${outcome.message.split('\n')[0]})`);
          continue;
        }
        const { scores, failedAudits } = outcome;
        for (const [category, value] of Object.entries(scores)) metrics[`lighthouse.${page}.${formFactor}.${category}`] = value;
        log(`Lighthouse ${page} ${formFactor}: ${JSON.stringify(scores)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        for (const audit of failedAudits) log(`  failed audit: ${audit}`);
      }
    }
  }
} finally {
  await stopServer();
  await closeDb();
  await database.drop();
}

// ── Report ─────────────────────────────────────────────────────────────────────
const results: BenchResults = {
  version: 1,
  mode: short ? 'short' : 'full',
  startedAt: startedAt.toISOString(),
  conditions: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    members: memberCount,
    secondsPerLoadRun: seconds,
    signInAttemptsEach: signInAttempts,
    database: 'PostgreSQL (fresh cspa_bench_* database, same machine)',
    loadAverageBefore: Number(loadBefore.toFixed(2)),
    loadAverageAfter: Number(loadavg()[0]!.toFixed(2)),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(),
    note: options.note ?? '',
  },
  metrics: Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, Number(value.toFixed(2))])),
};

console.log(`\n${details.join('\n\n')}\n`);
console.log(`Benchmark (${results.mode}), ${results.conditions.members} members, ${results.conditions.cpus} cores, load average ${results.conditions.loadAverageBefore} → ${results.conditions.loadAverageAfter}, ${results.conditions.durationSeconds} s`);
console.log(resultsTable(results));

const folder = path.resolve('bench/results');
mkdirSync(folder, { recursive: true });
const file = path.join(folder, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${results.mode}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(folder, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWritten: ${path.relative(process.cwd(), file)} and bench/results/latest.json`);
process.exit(0);
