import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

/**
 * Raw HTTP for the attack suite: server actions are public POST endpoints, so the tests call them the way
 * an attacker would, without the forms (ids from the build's manifest, arguments encoded as React does).
 */

export const PASSWORD = 'un saut de plus avant le coucher';

// Demo members with a password that the suite only signs in as (never changes): other specs may share them.
// Members it changes are demo members without a password, claimed through a reset link (claimMember).
export const HELENE = { email: 'helene.cotebelanger@example.com', number: '21000', lastName: 'Côté-Bélanger', postal: 'G1R 4P5' };
export const JOSEE = { email: 'josee.lapointe@example.com', number: '21370', lastName: 'Lapointe', postal: 'J2B 6V4' };

export type ActionName =
  | 'signInAction'
  | 'signOutAction'
  | 'requestPasswordResetAction'
  | 'requestUsernameAction'
  | 'resetPasswordAction'
  | 'changePasswordAction'
  | 'requestEmailChangeAction'
  | 'confirmEmailChangeAction'
  | 'updateAddressAction'
  | 'updatePhonesAction'
  | 'updatePreferencesAction'
  | 'renewMembershipAction'
  | 'payInvoiceFromLinkAction'
  | 'confirmDemoPaymentAction';

type ManifestEntry = { exportedName?: string; filename?: string; workers: Record<string, unknown> };

/** Every server action of the build, by exported name, with a page that serves it. */
export function serverActions(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, ManifestEntry> };
  const actions = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0]!;
    // "app/[locale]/(auth)/login/page" → "/fr/login"
    const page = worker.replace(/^app\/\[locale\]/, '/fr').replace(/\/\([^)]+\)/g, '').replace(/\/page$/, '');
    actions.set(entry.exportedName ?? id, { id, page });
  }
  return actions;
}

export function actionId(name: ActionName): { id: string; page: string } {
  const action = serverActions().get(name);
  if (!action) throw new Error(`No server action named ${name} in the build: run next build first`);
  return action;
}

/**
 * The multipart body React sends for `formAction(formData)` bound by useActionState: [previousState, formData].
 * A FormData keeps the order: the root ("0") must come last, as the server decodes while it streams.
 */
export function actionBody(fields: Record<string, string>, previous: unknown = { status: 'idle' }): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append('0', JSON.stringify([previous, '$K1']));
  return body;
}

export type CallOptions = {
  fields?: Record<string, string>;
  /** Defaults to the site's own origin, as a browser on the site would send. null: no Origin header at all. */
  origin?: string | null;
  headers?: Record<string, string>;
  path?: string;
};

export async function callAction(request: APIRequestContext, baseURL: string, name: ActionName, options: CallOptions = {}): Promise<APIResponse> {
  const { id, page } = actionId(name);
  const origin = options.origin === undefined ? new URL(baseURL).origin : options.origin;
  return request.post(options.path ?? page, {
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      ...(origin === null ? {} : { Origin: origin }),
      ...options.headers,
    },
    multipart: name === 'signOutAction' ? signOutBody() : actionBody(options.fields ?? {}),
    maxRedirects: 0,
  });
}

function signOutBody(): FormData {
  const body = new FormData();
  body.append('0', '[]');
  return body;
}

let addressCounter = 0;
/** A client address of its own for each caller, as the trusted proxy header presents it (see lib/auth/client-address.ts). */
export function freshAddress(): string {
  addressCounter += 1;
  return `198.51.${(process.pid % 200) + 1}.${(addressCounter % 250) + 1}`;
}

/** Signs in over HTTP; the request context keeps the session cookie. */
export async function signInOverHttp(request: APIRequestContext, baseURL: string, identifier: string, password = PASSWORD): Promise<void> {
  const response = await callAction(request, baseURL, 'signInAction', {
    fields: { identifier, password },
    headers: { 'x-real-ip': freshAddress() },
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const cookies = (await request.storageState()).cookies;
  expect(cookies.some((cookie) => cookie.name.endsWith('authjs.session-token')), `signed in as ${identifier}`).toBe(true);
}

/** The account page's HTML as this request context sees it. */
export async function accountHtml(request: APIRequestContext, path = '/fr/account'): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  return response.text();
}

/** Waits for the newest email to this address whose text contains `marker`, and returns the first link matching it. */
export async function latestLink(request: APIRequestContext, to: string, link: RegExp, after?: string): Promise<string> {
  let found = '';
  await expect(async () => {
    const list = await (await request.get('/dev/mailbox')).text();
    const escaped = to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const row = new RegExp(`<td[^>]*>${escaped}</td><td[^>]*><a[^>]*href="(/dev/mailbox/[^"]+)"`).exec(list);
    expect(row, `an email to ${to}`).not.toBeNull();
    const email = await (await request.get(row![1]!)).text();
    const match = link.exec(email.replaceAll('&amp;', '&'));
    expect(match, `a link ${link} in the newest email to ${to}`).not.toBeNull();
    expect(match![0]).not.toBe(after);
    found = match![0];
  }).toPass({ timeout: 15_000 });
  return found;
}

/** Asks for a reset link over HTTP (from an address of its own, so the hourly limit per address never bites) and returns it. */
export async function requestResetLink(request: APIRequestContext, baseURL: string, email: string, previous?: string): Promise<string> {
  const response = await callAction(request, baseURL, 'requestPasswordResetAction', { fields: { identifier: email }, headers: { 'x-real-ip': freshAddress() } });
  expect(response.status()).toBe(200);
  return latestLink(request, email, /https?:\/\/[^"<\s]+\/reset-password\?token=[\w-]+/, previous);
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

/** Gives a demo member without a password one (through the emailed link), so a test can own that member. */
export async function claimMember(request: APIRequestContext, baseURL: string, email: string, password: string): Promise<void> {
  const link = await requestResetLink(request, baseURL, email);
  const response = await callAction(request, baseURL, 'resetPasswordAction', {
    path: '/fr/reset-password',
    fields: { token: tokenOf(link), password, confirmation: password },
  });
  expect(response.headers()['x-action-redirect'], await response.text()).toMatch(/\/fr\/login\?reset=done/);
}
