import type { APIResponse } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callAction, freshAddress, HELENE, type ActionName } from './support';

/**
 * Sign-in, password reset and username reminder answer a known account exactly as an unknown one: same
 * status, same headers (but Date, the CSP nonce and cookies), same body once what the person typed and the
 * time of the request are taken out. (Timing is the benchmarks' business.)
 */

type Answer = { status: number; headers: Record<string, string>; body: string };

async function answer(response: APIResponse, typed: string[]): Promise<Answer> {
  const headers = { ...response.headers() };
  const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '';
  delete headers.date;
  delete headers['set-cookie'];
  headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replaceAll(nonce, 'NONCE');
  let body = (await response.text()).replaceAll(nonce, 'NONCE').replace(/"sentAt":\d+/g, '"sentAt":0');
  // JSON-escaped, as the RSC rows carry them.
  for (const text of typed) body = body.replaceAll(JSON.stringify(text).slice(1, -1), '«typed»');
  return { status: response.status(), headers, body };
}

async function ask(request: Parameters<typeof callAction>[0], baseURL: string, name: ActionName, fields: Record<string, string>, path: string) {
  // The first visit sets the NEXT_LOCALE cookie (which marks an action response as revalidated): every
  // request starts with that cookie, so only the account differs. Each from an address of its own too: the
  // comparison is about the account, not about the address's counters.
  await request.get(path);
  const response = await callAction(request, baseURL, name, { path, fields, headers: { 'x-real-ip': freshAddress() } });
  return answer(response, Object.values(fields));
}

test('sign-in: a wrong password for a real account, an account without a password and an unknown account answer alike', async ({ request, baseURL }) => {
  const password = 'pas le bon mot de passe du tout';
  const known = await ask(request, baseURL!, 'signInAction', { identifier: HELENE.email, password }, '/fr/login');
  const knownNumber = await ask(request, baseURL!, 'signInAction', { identifier: HELENE.number, password }, '/fr/login');
  const withoutPassword = await ask(request, baseURL!, 'signInAction', { identifier: 'sallysauteur1@cspa.ca', password }, '/fr/login');
  const unknown = await ask(request, baseURL!, 'signInAction', { identifier: 'personne.inconnue@example.com', password }, '/fr/login');
  const unknownNumber = await ask(request, baseURL!, 'signInAction', { identifier: '9999999', password }, '/fr/login');
  expect(known.body).toContain('"formError":{"code":"invalid"}');
  for (const other of [knownNumber, withoutPassword, unknown, unknownNumber]) expect(other).toEqual(known);
});

test('forgot password: a member’s email, a member’s number and an unknown address answer alike', async ({ request, baseURL }) => {
  const known = await ask(request, baseURL!, 'requestPasswordResetAction', { identifier: 'kevin.martin@example.com' }, '/fr/forgot-password');
  const knownNumber = await ask(request, baseURL!, 'requestPasswordResetAction', { identifier: '21851' }, '/fr/forgot-password');
  const unknown = await ask(request, baseURL!, 'requestPasswordResetAction', { identifier: 'personne.inconnue@example.com' }, '/fr/forgot-password');
  const unknownNumber = await ask(request, baseURL!, 'requestPasswordResetAction', { identifier: '99999' }, '/fr/forgot-password');
  expect(known.body).toContain('"status":"success"');
  for (const other of [knownNumber, unknown, unknownNumber]) expect(other).toEqual(known);
});

test('forgot username: a right number and name, a right number with a wrong name and an unknown number answer alike', async ({ request, baseURL }) => {
  const path = '/fr/forgot-username';
  const known = await ask(request, baseURL!, 'requestUsernameAction', { cspaNumber: '21888', lastName: 'Taylor' }, path);
  const wrongName = await ask(request, baseURL!, 'requestUsernameAction', { cspaNumber: '21888', lastName: 'Tailleur' }, path);
  const unknown = await ask(request, baseURL!, 'requestUsernameAction', { cspaNumber: '99998', lastName: 'Taylor' }, path);
  expect(known.body).toContain('"status":"success"');
  for (const other of [wrongName, unknown]) expect(other).toEqual(known);
});
