import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { actionId, callAction, freshAddress, JOSEE, latestLink, serverActions, signInOverHttp, type ActionName } from './support';

/**
 * Every server action is a public POST endpoint. Called from another site (Origin: https://evil.example),
 * from an opaque origin (Origin: null: sandboxed frames, data: URLs, some redirects) or without a session,
 * it must be refused before it runs, and write nothing.
 */

const STAFF = { email: 'bureau@example.org', password: 'trois voiles orange sous la pluie' };
// Members without a password: an email to them is the witness that an action ran (one per test, which run in parallel).
const WITNESSES = {
  'https://evil.example': { email: 'marieeve.gagnon@example.com', number: '21074', lastName: 'Gagnon' },
  null: { email: 'olivier.oneill@example.com', number: '21111', lastName: 'O’Neill' },
  none: { email: 'emilie.bouchard@example.com', number: '21148', lastName: 'Bouchard' },
};
type Witness = (typeof WITNESSES)[keyof typeof WITNESSES];

const ALL_ACTIONS: ActionName[] = [
  'signInAction',
  'signOutAction',
  'requestPasswordResetAction',
  'requestUsernameAction',
  'resetPasswordAction',
  'changePasswordAction',
  'requestEmailChangeAction',
  'confirmEmailChangeAction',
  'updateAddressAction',
  'updatePhonesAction',
  'updatePreferencesAction',
  'renewMembershipAction',
  'payInvoiceFromLinkAction',
  'confirmDemoPaymentAction',
];

// Arguments that would change something if the action ran.
const harmfulFields = (witness: Witness): Record<ActionName, Record<string, string>> => ({
  signInAction: { identifier: STAFF.email, password: STAFF.password },
  signOutAction: {},
  requestPasswordResetAction: { identifier: witness.email },
  requestUsernameAction: { cspaNumber: witness.number, lastName: witness.lastName },
  resetPasswordAction: { token: 'A'.repeat(43), password: 'un autre saut avant le coucher', confirmation: 'un autre saut avant le coucher' },
  changePasswordAction: { currentPassword: STAFF.password, password: 'quatre voiles rouges sous la neige', confirmation: 'quatre voiles rouges sous la neige' },
  requestEmailChangeAction: { newEmail: 'attacker@evil.example', currentPassword: STAFF.password },
  confirmEmailChangeAction: { token: 'A'.repeat(43) },
  updateAddressAction: { rowVersion: '1', addressLine1: '1 Evil Street', addressLine2: '', city: 'Evilton', province: 'OUTSIDE', postalCode: '666', country: 'US' },
  updatePhonesAction: { rowVersion: '1', phone: '+1 202 555 0666', phoneAlt: '' },
  updatePreferencesAction: { rowVersion: '1', preferredLanguage: 'en', newsEmails: 'on', eventEmails: 'on' },
  renewMembershipAction: { groupCode: 'DZ-QC-STJEAN', declaration: 'on' },
  payInvoiceFromLinkAction: { invoiceLink: 'A'.repeat(72), groupCode: 'DZ-QC-STJEAN', declaration: 'on' },
  confirmDemoPaymentAction: { invoiceLink: 'A'.repeat(72) },
});

/** The account page as text a person reads, without what changes on every request (nonces). */
async function accountSnapshot(request: APIRequestContext): Promise<string> {
  const response = await request.get('/fr/account', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';
  return (await response.text()).replaceAll(nonce, '');
}

function expectRefused(response: APIResponse, body: string, where: string) {
  expect(response.status(), where).toBe(500);
  expect(body, where).not.toContain('"status":"success"');
  expect(body, where).not.toContain('"status":"error"');
  expect(response.headers()['x-action-redirect'], where).toBeUndefined();
  expect(response.headers()['set-cookie'] ?? '', where).not.toContain('session-token');
}

test('the build has exactly the server actions this suite attacks', () => {
  expect([...serverActions().keys()].sort()).toEqual([...ALL_ACTIONS].sort());
});

for (const origin of ['https://evil.example', 'null'] as const) {
  const witness = WITNESSES[origin];
  test(`every server action called with Origin: ${origin} is refused and changes nothing`, async ({ playwright, baseURL }) => {
    const staff = await playwright.request.newContext({ baseURL });
    await signInOverHttp(staff, baseURL!, STAFF.email, STAFF.password);
    const before = await accountSnapshot(staff);

    for (const name of ALL_ACTIONS) {
      const response = await callAction(staff, baseURL!, name, { origin, fields: harmfulFields(witness)[name], headers: { 'x-real-ip': freshAddress() } });
      expectRefused(response, await response.text(), `${name} from ${origin}`);
    }

    // Still signed in (sign-out and password change did not run), nothing on the record changed…
    expect(await accountSnapshot(staff)).toBe(before);
    // …and the witness's first reset email is the one asked for now, from the site itself.
    const fromSite = await callAction(staff, baseURL!, 'requestPasswordResetAction', { fields: { identifier: witness.email }, headers: { 'x-real-ip': freshAddress() } });
    expect(fromSite.status()).toBe(200);
    await latestLink(staff, witness.email, /reset-password\?token=[\w-]+/);
    const mailbox = await (await staff.get('/dev/mailbox')).text();
    expect(mailbox.split(`>${witness.email}<`).length - 1, 'emails to the witness').toBe(1);
    expect(mailbox).not.toContain('attacker@evil.example');
    await staff.dispose();
  });
}

test('a cross-site form post without JavaScript (the classic CSRF) is refused too', async ({ playwright, baseURL }) => {
  const staff = await playwright.request.newContext({ baseURL });
  await signInOverHttp(staff, baseURL!, STAFF.email, STAFF.password);
  const before = await accountSnapshot(staff);
  const { id } = actionId('updateAddressAction');
  // What React renders in a useActionState form, as a hostile page would copy it.
  const form = new FormData();
  form.append('$ACTION_REF_1', '');
  form.append('$ACTION_1:0', JSON.stringify({ id, bound: '$@1' }));
  form.append('$ACTION_1:1', JSON.stringify([{ status: 'idle' }]));
  form.append('$ACTION_KEY', 'k0');
  for (const [name, value] of Object.entries(harmfulFields(WITNESSES.none).updateAddressAction)) form.append(name, value);
  for (const origin of ['https://evil.example', 'null']) {
    const response = await staff.post('/fr/account', { headers: { Origin: origin }, multipart: form, maxRedirects: 0 });
    expect(response.status(), origin).toBe(500);
    const body = await response.text();
    expect(body, origin).not.toContain('Evilton');
  }
  expect(await accountSnapshot(staff)).toBe(before);
  await staff.dispose();
});

test('every action that needs a member, called without a session, sends to sign-in and runs nothing', async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const memberActions: ActionName[] = ['changePasswordAction', 'requestEmailChangeAction', 'updateAddressAction', 'updatePhonesAction', 'updatePreferencesAction', 'renewMembershipAction'];
  for (const name of memberActions) {
    const response = await callAction(visitor, baseURL!, name, { fields: harmfulFields(WITNESSES.none)[name] });
    const body = await response.text();
    expect(response.headers()['x-action-redirect'], name).toMatch(/^\/fr\/login\?next=/);
    expect(body, name).not.toContain('"status"');
  }
  // Signing out without a session only sends to the sign-in page.
  const signOut = await callAction(visitor, baseURL!, 'signOutAction');
  expect(signOut.headers()['x-action-redirect']).toMatch(/\/fr\/login\?signedOut=1/);
  // A made-up member id, CSPA number or session in the form does not stand in for a session.
  const forged = await callAction(visitor, baseURL!, 'updateAddressAction', {
    fields: { ...harmfulFields(WITNESSES.none).updateAddressAction, memberId: '00000000-0000-4000-8000-000000000001', cspaNumber: JOSEE.number, email: JOSEE.email, sessionId: '1' },
  });
  expect(forged.headers()['x-action-redirect']).toMatch(/^\/fr\/login/);
  await visitor.dispose();
});

test('route handlers take no member from the request: the cron route refuses sessions and wrong secrets alike', async ({ playwright, baseURL }) => {
  const staff = await playwright.request.newContext({ baseURL });
  await signInOverHttp(staff, baseURL!, STAFF.email, STAFF.password);
  const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'Bearer ' }, { Authorization: 'Basic Og==' }];
  for (const headers of attempts) {
    const response = await staff.get('/api/cron/outbox?memberId=1&secret=x', { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized' });
  }
  for (const method of ['post', 'put', 'delete'] as const) {
    expect((await staff[method]('/api/cron/outbox')).status(), method).toBe(405);
  }
  await staff.dispose();
});
