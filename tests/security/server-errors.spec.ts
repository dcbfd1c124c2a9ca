import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '../e2e/fixtures';
import { HELENE, signInOverHttp } from './support';

/**
 * A real fault, impossible to cause from outside a deployed portal: the database is unreachable. A second
 * production server (same build, same default local secret as the suite's server) is started here with a
 * DATABASE_URL that refuses connections. Its pages must show the localized error page, never a stack trace,
 * SQL, a file path or the database's address.
 */

test.describe.configure({ mode: 'serial' });

type ErrorCopy = { Error: { title: string; text: string; retry: string } };
const fr = JSON.parse(readFileSync('messages/fr.json', 'utf8')) as ErrorCopy;
const en = JSON.parse(readFileSync('messages/en.json', 'utf8')) as ErrorCopy;

let server: ChildProcess | undefined;
let brokenURL = '';

const LEAKS = [/ECONNREFUSED/i, /auth_tokens|card_token|throttle_counters|members"/i, /\bselect\b[^<]{0,40}\bfrom\b/i, /\.next\/server/, /at async /, /127\.0\.0\.1:9/, /postgres:\/\//, /node_modules/];

test.beforeAll(async ({ baseURL }) => {
  const port = String(Number(new URL(baseURL!).port) + 100);
  brokenURL = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: 'postgres://cspa@127.0.0.1:9/unreachable' };
  delete env.PGLITE_DIR;
  delete env.SITE_URL;
  delete env.VERCEL;
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { env, stdio: 'ignore' });
  await expect(async () => {
    const response = await fetch(`${brokenURL}/fr/login`);
    expect(response.status).toBe(200);
  }).toPass({ timeout: 30_000 });
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

test('the page that reads the database shows the error page in its language, and nothing of the cause', async ({ page, request }) => {
  const token = 'A'.repeat(43);
  for (const [locale, copy] of [['fr', fr.Error], ['en', en.Error]] as const) {
    const url = `${brokenURL}/${locale}/reset-password?token=${token}`;
    const raw = await request.get(url);
    expect(raw.status(), url).toBe(500);
    const html = await raw.text();
    for (const leak of LEAKS) expect(html, `${url} ${leak}`).not.toMatch(leak);

    const response = await page.goto(url);
    expect(response!.status()).toBe(500);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(copy.title);
    await expect(page.getByRole('main')).toContainText(copy.text);
    await expect(page.getByRole('button', { name: copy.retry })).toBeVisible();
    const shown = await page.locator('body').innerText();
    for (const leak of LEAKS) expect(shown, `${url} ${leak}`).not.toMatch(leak);
  }
});

test('when even the layout fails (a signed-in visitor, the session unreadable), the page speaks both languages', async ({ page, playwright, baseURL }) => {
  // A session cookie from the suite's own server: the broken one shares its local secret, so it will try to read it.
  const member = await playwright.request.newContext({ baseURL });
  await signInOverHttp(member, baseURL!, HELENE.email);
  const cookies = (await member.storageState()).cookies.filter((cookie) => cookie.name.includes('session-token'));
  await member.dispose();
  await page.context().addCookies(cookies.map(({ name, value }) => ({ name, value, url: brokenURL })));

  const response = await page.goto(`${brokenURL}/en/account`);
  expect(response!.status()).toBe(500);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.Error.title);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(en.Error.title);
  await expect(page.locator('section[lang="en"]')).toContainText(en.Error.text);
  await expect(page.getByRole('main')).toContainText(fr.Error.text);
  const shown = await page.locator('body').innerText();
  for (const leak of LEAKS) expect(shown).not.toMatch(leak);
  expect(shown).not.toContain(HELENE.email);
});
