import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { actionId, callAction, claimMember } from './support';

/**
 * Sign-in throttling holds whatever address the attempts claim to come from. Addresses are presented as the
 * deployment presents them: `x-real-ip` (Vercel overwrites it with the connecting address), else the last
 * entry of `x-forwarded-for` (the one the proxy appended). See lib/auth/client-address.ts and
 * docs/security-section.md. That no password is hashed for a throttled attempt is proved in
 * tests/security/throttle-before-hash.test.ts.
 */

const WRONG = 'pas le bon mot de passe du tout';
// A member of this test's own (no other spec signs in as her): the attack leaves her blocked for a while.
const TARGET = { email: 'laura.anderson@example.com', password: 'treize ballons rouges sur le quai' };

async function signIn(request: APIRequestContext, baseURL: string, identifier: string, password: string, headers: Record<string, string>) {
  await request.get('/fr/login');
  const response = await callAction(request, baseURL, 'signInAction', { fields: { identifier, password }, headers });
  const result = (await response.text()).split('\n').find((line) => line.startsWith('1:')) ?? '';
  return { result, redirect: response.headers()['x-action-redirect'], cookie: response.headers()['set-cookie'] ?? '' };
}

test('an account attacked from 50 different addresses is throttled from the fifth failure, even for the right password', async ({ playwright, baseURL }) => {
  expect(actionId('signInAction').id).toBeTruthy();
  const attacker = await playwright.request.newContext({ baseURL });
  await claimMember(attacker, baseURL!, TARGET.email, TARGET.password);
  const outcomes: string[] = [];
  for (let i = 1; i <= 50; i += 1) {
    const { result } = await signIn(attacker, baseURL!, TARGET.email, WRONG, { 'x-real-ip': `203.0.113.${i}` });
    outcomes.push(/"code":"throttled"/.test(result) ? 'throttled' : /"code":"invalid"/.test(result) ? 'invalid' : result);
  }
  expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('invalid'));
  expect(outcomes.slice(5)).toEqual(Array(45).fill('throttled'));

  // The member's own, right password, from yet another address and typed differently, is refused too while the wait lasts.
  for (const identifier of [TARGET.email, ` ${TARGET.email.toUpperCase()} `]) {
    const member = await signIn(attacker, baseURL!, identifier, TARGET.password, { 'x-real-ip': '192.0.2.200' });
    expect(member.result, identifier).toContain('"code":"throttled"');
    expect(member.redirect, identifier).toBeUndefined();
    expect(member.cookie, identifier).not.toContain('session-token');
  }
  await attacker.dispose();
});

test('one address trying 50 accounts is blocked, and adding x-forwarded-for entries does not change the address', async ({ playwright, baseURL }) => {
  const attacker = await playwright.request.newContext({ baseURL });
  // The proxy appends the connecting address last; everything before it is the client's own writing.
  const fromProxy = (i: number) => ({ 'x-forwarded-for': `10.${i}.0.1, 172.16.${i}.9, 198.18.0.77` });
  for (let i = 1; i <= 50; i += 1) {
    const { result } = await signIn(attacker, baseURL!, `someone${i}@example.com`, WRONG, fromProxy(i));
    expect(result, `attempt ${i}`).toContain('"code":"invalid"');
  }
  for (const identifier of ['someone51@example.com', 'helene.cotebelanger@example.com']) {
    const { result } = await signIn(attacker, baseURL!, identifier, WRONG, fromProxy(99));
    expect(result, identifier).toContain('"code":"throttled"');
  }
  // x-real-ip, where the platform sets it, wins over x-forwarded-for: the same blocked address is blocked there too…
  expect((await signIn(attacker, baseURL!, 'someone52@example.com', WRONG, { 'x-real-ip': '198.18.0.77', 'x-forwarded-for': '192.0.2.1' })).result).toContain(
    '"code":"throttled"',
  );
  // …and an IPv6 client counts by its /64: other addresses in the same /64 do not start afresh.
  for (let i = 1; i <= 50; i += 1) {
    await signIn(attacker, baseURL!, `v6-${i}@example.com`, WRONG, { 'x-real-ip': `2001:db8:77:1::${i.toString(16)}` });
  }
  expect((await signIn(attacker, baseURL!, 'v6-51@example.com', WRONG, { 'x-real-ip': '2001:db8:77:1:ffff::1' })).result).toContain('"code":"throttled"');
  await attacker.dispose();
});
