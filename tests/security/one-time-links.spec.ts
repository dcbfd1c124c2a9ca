import { expect, test } from '../e2e/fixtures';
import { callAction, claimMember, freshAddress, latestLink, requestResetLink, signInOverHttp, tokenOf } from './support';

/**
 * One-time links (password reset, email change): only the latest works, once; a tampered one never; opening
 * one (a GET, as mail scanners do) changes nothing; and the link emailed always points at SITE_URL, never at
 * the Host or X-Forwarded-Host a request claims. (Expiry to the second is tested against a clock in
 * tests/security/one-time-links.test.ts.)
 */

const NEW_PASSWORD = 'trois ballons bleus dans le vent du soir';

function tamper(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
}

test('the emailed reset link points at the site, whatever Host or X-Forwarded-Host the request forged', async ({ request, baseURL }) => {
  const email = 'luc.bergeron@example.com';
  const forgeries: Record<string, string>[] = [
    { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
    { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
    { Host: `evil.example:${new URL(baseURL!).port}` },
  ];
  let previous: string | undefined;
  for (const headers of forgeries) {
    // Without an Origin: a forged Host comes from a script, not from a browser on another site.
    const response = await callAction(request, baseURL!, 'requestPasswordResetAction', {
      origin: null,
      fields: { identifier: email },
      headers: { ...headers, 'x-real-ip': freshAddress() },
    });
    expect(response.status(), JSON.stringify(headers)).toBe(200);
    const link = await latestLink(request, email, /https?:\/\/[^"<\s]+\/reset-password\?token=[\w-]+/, previous);
    expect(new URL(link).origin, JSON.stringify(headers)).toBe(new URL(baseURL!).origin);
    previous = link;
  }
  const emailPage = await (await request.get('/dev/mailbox')).text();
  expect(emailPage).not.toContain('evil.example');
});

test('a reset link: opening it changes nothing; superseded, tampered or reused, it is refused', async ({ request, baseURL }) => {
  const email = 'stephanie.caron@example.com';
  const first = await requestResetLink(request, baseURL!, email);
  const latest = await requestResetLink(request, baseURL!, email, first);
  expect(tokenOf(latest)).not.toBe(tokenOf(first));
  const path = (link: string) => new URL(link).pathname + new URL(link).search;

  // Mail scanners open links: a GET (or HEAD), however many, only shows the form.
  for (let i = 0; i < 3; i += 1) {
    const page = await request.get(path(latest));
    expect(await page.text()).toContain('Choisir un nouveau mot de passe');
  }
  expect((await request.head(path(latest))).status()).toBe(200);

  for (const [name, link] of [
    ['superseded', path(first)],
    ['tampered', path(latest).replace(tokenOf(latest), tamper(tokenOf(latest)))],
  ]) {
    expect(await (await request.get(link!)).text(), name).toContain('Ce lien n’est plus valide');
  }

  const reset = (token: string) =>
    callAction(request, baseURL!, 'resetPasswordAction', { path: '/fr/reset-password', fields: { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD } });
  for (const token of [tokenOf(first), tamper(tokenOf(latest)), `${tokenOf(latest)}A`, '']) {
    expect(await (await reset(token)).text(), `token ${token}`).toContain('"formError":{"code":"invalidLink"}');
  }
  const used = await reset(tokenOf(latest));
  expect(used.headers()['x-action-redirect']).toMatch(/\/fr\/login\?reset=done/);
  // Used once: refused from now on, by the page and by the action.
  expect(await (await request.get(path(latest))).text()).toContain('Ce lien n’est plus valide');
  expect(await (await reset(tokenOf(latest))).text()).toContain('"formError":{"code":"invalidLink"}');
  await signInOverHttp(request, baseURL!, email, NEW_PASSWORD);
});

test('an email-change link: opening it changes nothing, the button does, once', async ({ request, baseURL }) => {
  const email = 'remi.ouellet@example.com';
  const newEmail = 'remi.ouellet.new@example.com';
  await claimMember(request, baseURL!, email, NEW_PASSWORD);
  await signInOverHttp(request, baseURL!, email, NEW_PASSWORD);
  const asked = await callAction(request, baseURL!, 'requestEmailChangeAction', {
    path: '/fr/account',
    fields: { newEmail, currentPassword: NEW_PASSWORD },
    headers: { 'x-real-ip': freshAddress() },
  });
  expect(await asked.text()).toContain('"status":"success"');
  const link = await latestLink(request, newEmail, /https?:\/\/[^"<\s]+\/confirm-email\?token=[\w-]+/);
  const linkPath = new URL(link).pathname + new URL(link).search;

  for (let i = 0; i < 3; i += 1) expect(await (await request.get(linkPath)).text()).toContain('Confirmer la nouvelle adresse');
  expect((await request.head(linkPath)).status()).toBe(200);
  // Opened three times, still the old address on file.
  expect(await (await request.get('/fr/account')).text()).toContain(email);

  const tampered = await callAction(request, baseURL!, 'confirmEmailChangeAction', { path: '/fr/confirm-email', fields: { token: tamper(tokenOf(link)) } });
  expect(await tampered.text()).toContain('"formError":{"code":"invalidLink"}');
  const confirmed = await callAction(request, baseURL!, 'confirmEmailChangeAction', { path: '/fr/confirm-email', fields: { token: tokenOf(link) } });
  expect(await confirmed.text()).toContain('"status":"success"');
  const again = await callAction(request, baseURL!, 'confirmEmailChangeAction', { path: '/fr/confirm-email', fields: { token: tokenOf(link) } });
  expect(await again.text()).not.toContain('"status":"success"');
});
