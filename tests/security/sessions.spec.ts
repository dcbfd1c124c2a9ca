import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callAction, claimMember, freshAddress, signInOverHttp } from './support';

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/ (Secure with the __Secure- prefix when SITE_URL is https:
 * these servers have none; lib/auth/config.ts derives it from SITE_URL); a copy taken before sign-out, or before
 * a password change, opens nothing afterwards.
 */

const MEMBER = { email: 'ryan.campbell@example.com', number: '21777' };
const FIRST = 'six ballons mauves au bord du lac';
const SECOND = 'sept ballons orange au bord du fleuve';

async function sessionCookie(request: APIRequestContext): Promise<string> {
  const cookie = (await request.storageState()).cookies.find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie).toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

async function opens(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, baseURL: string, cookie: string) {
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie } });
  const response = await replay.get('/fr/account', { maxRedirects: 0 });
  const body = await response.text();
  await replay.dispose();
  return response.status() === 200 && body.includes(MEMBER.email);
}

test('sessions: cookie attributes, sign-out replay and password change', async ({ playwright, baseURL }) => {
  const setup = await playwright.request.newContext({ baseURL });
  await claimMember(setup, baseURL!, MEMBER.email, FIRST);
  await setup.dispose();

  // The cookie's attributes, as the server sets them.
  const device = await playwright.request.newContext({ baseURL });
  await device.get('/fr/login');
  const signIn = await callAction(device, baseURL!, 'signInAction', { fields: { identifier: MEMBER.email, password: FIRST }, headers: { 'x-real-ip': freshAddress() } });
  const setCookie = signIn.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value).find((v) => v.includes('session-token'));
  expect(setCookie).toBeDefined();
  expect(setCookie).toMatch(/;\s*HttpOnly/i);
  expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
  expect(setCookie).toMatch(/;\s*Path=\/(;|$)/i);
  // Plain http here: a Secure cookie would be dropped by the browser (https is the unit test's job).
  expect(setCookie).not.toMatch(/;\s*Secure/i);
  expect(setCookie).not.toMatch(/;\s*Domain=/i);

  // Sign-out ends the session on the server: a copy of the cookie taken before opens nothing.
  const captured = await sessionCookie(device);
  expect(await opens(playwright, baseURL!, captured)).toBe(true);
  const signOut = await callAction(device, baseURL!, 'signOutAction', { path: '/fr/account' });
  expect(signOut.headers()['x-action-redirect']).toMatch(/\/fr\/login\?signedOut=1/);
  expect(await opens(playwright, baseURL!, captured)).toBe(false);
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: captured } });
  expect((await replay.get('/fr/account/card', { maxRedirects: 0 })).status()).toBe(303);
  await replay.dispose();

  // Two devices; the password changes on one: the other's session (taken before the change) is refused.
  const laptop = await playwright.request.newContext({ baseURL });
  const phone = await playwright.request.newContext({ baseURL });
  await signInOverHttp(laptop, baseURL!, MEMBER.email, FIRST);
  await signInOverHttp(phone, baseURL!, MEMBER.email, FIRST);
  const phoneBefore = await sessionCookie(phone);
  const laptopBefore = await sessionCookie(laptop);
  const changed = await callAction(laptop, baseURL!, 'changePasswordAction', {
    path: '/fr/account/password',
    fields: { currentPassword: FIRST, password: SECOND, confirmation: SECOND },
    headers: { 'x-real-ip': freshAddress() },
  });
  expect(changed.headers()['x-action-redirect']).toMatch(/\/fr\/account\/password\?changed=1/);
  expect(await opens(playwright, baseURL!, phoneBefore)).toBe(false);
  expect(await opens(playwright, baseURL!, laptopBefore)).toBe(false);
  // The device that changed it got a new session; the old password no longer signs in.
  expect(await opens(playwright, baseURL!, await sessionCookie(laptop))).toBe(true);
  const old = await callAction(phone, baseURL!, 'signInAction', { fields: { identifier: MEMBER.email, password: FIRST }, headers: { 'x-real-ip': freshAddress() } });
  expect(await old.text()).toContain('"formError":{"code":"invalid"}');
  await Promise.all([device.dispose(), laptop.dispose(), phone.dispose()]);
});

test('no GET signs anyone in or out: Auth.js’s own endpoints are not mounted, sign-in and sign-out are POST actions', async ({ playwright, baseURL }) => {
  const member = await playwright.request.newContext({ baseURL });
  await signInOverHttp(member, baseURL!, 'josee.lapointe@example.com', 'un saut de plus avant le coucher');
  for (const path of ['/api/auth/signout', '/api/auth/signin', '/api/auth/callback/credentials', '/api/auth/session', '/api/auth/csrf', '/fr/login?signedOut=1']) {
    const response = await member.get(path, { maxRedirects: 0 });
    expect(response.headers()['set-cookie'] ?? '', path).not.toContain('session-token');
    expect(await response.text(), path).not.toMatch(/"(sessionId|memberId|sid)"/);
  }
  // Still signed in after all those GETs.
  expect(await (await member.get('/fr/account', { maxRedirects: 0 })).text()).toContain('josee.lapointe@example.com');
  await member.dispose();
});
