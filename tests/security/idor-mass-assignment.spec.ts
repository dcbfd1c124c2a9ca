import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callAction, claimMember, freshAddress, JOSEE, PASSWORD, signInOverHttp, type ActionName } from './support';

/**
 * Member A calls every action and the card route with member B's identifiers and with fields no form has
 * (role, expiry, email, session and row versions, member id): only A's own editable fields change.
 * Actions read the member from the session only (lib/members/actions); the database-level proof that the
 * role, expiry and session version stay put is tests/security/mass-assignment.test.ts.
 */

const A = { email: 'daniel.thibault@example.com', number: '21481', password: 'quatre ballons verts sous la pluie fine' };
const B = JOSEE;

// Everything a forged form could carry to point the action at B or to raise A's privileges.
const injected = {
  id: '00000000-0000-4000-8000-000000000002',
  memberId: '00000000-0000-4000-8000-000000000002',
  cspaNumber: B.number,
  cspa_number: B.number,
  email: B.email,
  role: 'staff',
  membershipExpiresOn: '2099-12-31',
  membership_expires_on: '2099-12-31',
  categoryCode: 'HONORARY',
  sessionVersion: '99',
  session_version: '99',
  sessionId: '00000000-0000-4000-8000-000000000003',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$AAAA$AAAA',
  firstName: 'Mallory',
  lastName: 'Mallory',
};

async function snapshot(request: APIRequestContext): Promise<string> {
  const response = await request.get('/fr/account', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';
  return (await response.text()).replaceAll(nonce, '');
}

async function card(request: APIRequestContext, query = ''): Promise<{ filename: string; bytes: Buffer }> {
  const response = await request.get(`/fr/account/card${query}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  return { filename: response.headers()['content-disposition'] ?? '', bytes: await response.body() };
}

function rowVersion(html: string, field: string): string {
  // The hidden rowVersion of the form that holds `field`.
  const form = html.split('<form').find((part) => part.includes(`name="${field}"`)) ?? '';
  return /name="rowVersion"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="rowVersion"/.exec(form)?.slice(1).find(Boolean) ?? '1';
}

test('member A with member B’s ids and privileged fields changes only A’s own editable fields', async ({ playwright, baseURL }) => {
  const a = await playwright.request.newContext({ baseURL });
  await claimMember(a, baseURL!, A.email, A.password);
  await signInOverHttp(a, baseURL!, A.email, A.password);
  const b = await playwright.request.newContext({ baseURL });
  await signInOverHttp(b, baseURL!, B.email);
  const bBefore = await snapshot(b);
  const bCardBefore = await card(b);
  const aCardBefore = await card(a);

  const page = await snapshot(a);
  const calls: [ActionName, Record<string, string>][] = [
    [
      'updateAddressAction',
      { rowVersion: rowVersion(page, 'addressLine1'), addressLine1: '42 rue des Érables', addressLine2: '', city: 'Granby', province: 'QC', postalCode: 'J2G 8C7', country: 'CA' },
    ],
    ['updatePhonesAction', { rowVersion: '0', phone: '', phoneAlt: '' }],
    ['updatePreferencesAction', { rowVersion: '0', preferredLanguage: 'fr' }],
    ['requestEmailChangeAction', { newEmail: 'daniel.new@example.com', currentPassword: A.password }],
  ];
  for (const [name, fields] of calls) {
    const response = await callAction(a, baseURL!, name, { path: '/fr/account', fields: { ...injected, ...fields }, headers: { 'x-real-ip': freshAddress() } });
    expect(response.status(), name).toBe(200);
  }

  // A's address changed (the one legitimate edit), with phones and preferences re-read after the version bump…
  const after = await snapshot(a);
  expect(after).toContain('J2G 8C7');
  for (const [name, field, fields] of [
    ['updatePhonesAction', 'phone', { phone: '450 555 0142', phoneAlt: '' }],
    ['updatePreferencesAction', 'preferredLanguage', { preferredLanguage: 'fr', newsEmails: 'on' }],
  ] as const) {
    // Every save bumps the record's version: read the current one, as the page would.
    const version = rowVersion(await snapshot(a), field);
    const response = await callAction(a, baseURL!, name, { path: '/fr/account', fields: { ...injected, ...fields, rowVersion: version } });
    // The action's result is row 1 of the RSC stream; the re-rendered page follows it.
    const result = (await response.text()).split('\n').find((line) => line.startsWith('1:'));
    expect(result, name).toContain('"status":"success"');
  }
  // …while A's name, number, email (the change waits for its link), category, expiry and ratings did not: same card, same username.
  const final = await snapshot(a);
  expect(final).toContain(A.email);
  expect(final).not.toContain('Mallory');
  expect(final).not.toContain(B.email);
  expect((await card(a)).bytes.equals(aCardBefore.bytes)).toBe(true);

  // The card route reads no id from the request either.
  for (const query of [`?memberId=${injected.memberId}`, `?cspaNumber=${B.number}`, `?member=${B.number}&view=inline`]) {
    const forged = await card(a, query);
    expect(forged.filename, query).toContain(`CSPA-ACPS-${A.number}-`);
    expect(forged.bytes.equals(aCardBefore.bytes), query).toBe(true);
  }

  // Changing A's password with B's ids changes A's, not B's…
  const changed = await callAction(a, baseURL!, 'changePasswordAction', {
    path: '/fr/account/password',
    fields: { ...injected, currentPassword: A.password, password: 'cinq ballons jaunes sous la pluie', confirmation: 'cinq ballons jaunes sous la pluie' },
    headers: { 'x-real-ip': freshAddress() },
  });
  expect(changed.headers()['x-action-redirect']).toMatch(/\/fr\/account\/password\?changed=1/);

  // …and B's record, card, session and password are untouched.
  expect(await snapshot(b)).toBe(bBefore);
  expect((await card(b)).bytes.equals(bCardBefore.bytes)).toBe(true);
  const bAgain = await playwright.request.newContext({ baseURL });
  await signInOverHttp(bAgain, baseURL!, B.email, PASSWORD);
  await Promise.all([a.dispose(), b.dispose(), bAgain.dispose()]);
});
