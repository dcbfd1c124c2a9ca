import { expect, test } from '../e2e/fixtures';
import { HELENE, signInOverHttp } from './support';

/**
 * The proxy is never the security boundary: every page and route checks the session itself. These are the
 * known ways around a middleware (CVE-2025-29927's x-middleware-subrequest, RSC and prefetch requests that
 * skip parts of the render, .rsc suffixes): none may return a member's data to a visitor without a session.
 */

const protectedPaths = ['/fr/account', '/en/account', '/en/account/password', '/fr/account/password', '/fr/account/card', '/en/account/card?view=inline'];

const bypasses: { name: string; headers?: Record<string, string>; suffix?: (path: string) => string }[] = [
  { name: 'x-middleware-subrequest (middleware)', headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } },
  { name: 'x-middleware-subrequest (proxy)', headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } },
  { name: 'x-middleware-subrequest (src/proxy)', headers: { 'x-middleware-subrequest': 'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy' } },
  { name: 'RSC: 1', headers: { RSC: '1' } },
  { name: 'RSC prefetch', headers: { RSC: '1', 'Next-Router-Prefetch': '1' } },
  { name: 'segment prefetch', headers: { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' } },
  { name: '?_rsc=', suffix: (path) => `${path}${path.includes('?') ? '&' : '?'}_rsc=abcde` },
  { name: '.rsc suffix', suffix: (path) => path.replace(/(\?|$)/, '.rsc$1') },
  { name: '.prefetch.rsc suffix', suffix: (path) => path.replace(/(\?|$)/, '.prefetch.rsc$1') },
  { name: 'next-action with no action', headers: { 'Next-Action': 'x' } },
];

function expectNoMemberData(body: string, where: string) {
  for (const secret of [HELENE.email, HELENE.lastName, HELENE.postal, '%PDF']) expect(body, where).not.toContain(secret);
  expect(body, where).not.toMatch(new RegExp(`\\b${HELENE.number}\\b`));
}

test('without a session, no bypass of the proxy returns member data', async ({ playwright, baseURL }) => {
  // A request context of its own that signs in first, so the data exists and would leak if a check were missing…
  const member = await playwright.request.newContext({ baseURL });
  await signInOverHttp(member, baseURL!, HELENE.email);
  expect(await (await member.get('/fr/account')).text()).toContain(HELENE.email);
  await member.dispose();

  // …and a visitor without the cookie tries every variant.
  const visitor = await playwright.request.newContext({ baseURL });
  for (const path of protectedPaths) {
    for (const bypass of bypasses) {
      const target = bypass.suffix ? bypass.suffix(path) : path;
      const response = await visitor.get(target, { headers: bypass.headers, maxRedirects: 0 });
      const where = `${bypass.name} on ${target} → ${response.status()}`;
      expect(response.status(), where).not.toBe(500);
      expectNoMemberData(await response.text(), where);
    }
  }
  await visitor.dispose();
});

test('a session cookie for another path or a forged one does not open the account', async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: {
      // An unsigned JWT naming a session, and Auth.js's other cookie names: none is accepted.
      Cookie: [
        'authjs.session-token=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwic2lkIjoiMSIsInN2IjowfQ.',
        '__Secure-authjs.session-token=forged',
        'next-auth.session-token=forged',
      ].join('; '),
    },
  });
  for (const path of protectedPaths) {
    const response = await visitor.get(path, { maxRedirects: 0 });
    expectNoMemberData(await response.text(), path);
    expect([303, 307, 308], path).toContain(response.status());
  }
  await visitor.dispose();
});
