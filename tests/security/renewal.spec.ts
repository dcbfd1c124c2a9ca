import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callAction, claimMember, freshAddress, signInOverHttp } from './support';

/**
 * Invoices and payment: member A never sees or pays member B's invoice whatever A sends, opening a
 * renewal page or a payment page changes nothing, a forged pay link pays nothing, and an invoice is paid once.
 * A and B are demo members without a password that this file claims for itself.
 */

const A = { email: 'chantal.morin@example.com', password: 'cinq voiles jaunes au-dessus du lac' }; // 150 days left: not renewable yet
const B = { email: 'mathieu.fortin@example.com', password: 'six voiles bleues au-dessus du fleuve' }; // 5 days left

const choice = { groupCode: 'DZ-QC-STJEAN', declaration: 'on' };

async function invoicesHtml(request: APIRequestContext): Promise<string> {
  const response = await request.get('/fr/account/invoices', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  return response.text();
}

test('A cannot see, download or pay B’s invoice; no GET renews or pays; a demo payment settles once', async ({ playwright, baseURL }) => {
  const a = await playwright.request.newContext({ baseURL });
  const b = await playwright.request.newContext({ baseURL });
  await claimMember(a, baseURL!, A.email, A.password);
  await claimMember(b, baseURL!, B.email, B.password);
  await signInOverHttp(a, baseURL!, A.email, A.password);
  await signInOverHttp(b, baseURL!, B.email, B.password);

  // Opening the renew page, twice, creates no invoice.
  for (let i = 0; i < 2; i++) expect((await b.get('/fr/account/renew')).status()).toBe(200);
  expect(await invoicesHtml(b)).not.toMatch(/\d{4}-\d{6}/);

  // B proceeds: the POST creates the invoice and sends B to pay it.
  const proceed = await callAction(b, baseURL!, 'renewMembershipAction', { path: '/fr/account/renew', fields: choice, headers: { 'x-real-ip': freshAddress() } });
  const payPath = proceed.headers()['x-action-redirect']?.split(';')[0] ?? '';
  expect(payPath).toMatch(/^\/fr\/invoice\/[\w-]{72}\/demo-payment$/);
  const token = payPath.split('/')[3]!;
  const number = /(\d{4}-\d{6})/.exec(await invoicesHtml(b))![1]!;

  // A, signed in, with B's invoice number, B's link and every field a form could forge.
  expect((await a.get(`/fr/account/invoices/${number}/pdf`, { maxRedirects: 0 })).status()).toBe(404);
  expect(await invoicesHtml(a)).not.toContain(number);
  const forged = await callAction(a, baseURL!, 'renewMembershipAction', {
    path: '/fr/account/renew',
    fields: { ...choice, invoiceLink: token, invoiceId: token, invoiceNumber: number, memberId: '00000000-0000-4000-8000-000000000002', amountCents: '1', totalCents: '1', currency: 'XXX', newExpiresOn: '2099-12-31', status: 'paid' },
    headers: { 'x-real-ip': freshAddress() },
  });
  expect(await forged.text()).toContain('notRenewable');
  expect(forged.headers()['x-action-redirect']).toBeUndefined();
  expect(await invoicesHtml(a)).not.toMatch(/\d{4}-\d{6}/);

  // A forged or tampered pay link pays nothing; the payment page's GET pays nothing either.
  for (const link of ['A'.repeat(72), `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`]) {
    const refused = await callAction(a, baseURL!, 'confirmDemoPaymentAction', { path: payPath, fields: { invoiceLink: link } });
    expect(await refused.text()).toContain('invoiceExpired');
  }
  expect((await a.get(payPath)).status()).toBe(200);
  expect(await invoicesHtml(b)).toContain('À payer');

  // B pays once; paying again is refused, with one receipt.
  const paid = await callAction(b, baseURL!, 'confirmDemoPaymentAction', { path: payPath, fields: { invoiceLink: token } });
  expect(paid.headers()['x-action-redirect']).toMatch(new RegExp(`^/fr/invoice/${token}/paid`));
  const again = await callAction(b, baseURL!, 'confirmDemoPaymentAction', { path: payPath, fields: { invoiceLink: token } });
  expect(await again.text()).toContain('invoicePaid');
  expect(await invoicesHtml(b)).toContain('Payée');
  const mailbox = await (await b.get('/dev/mailbox')).text();
  // Counted in the HTML rows only (the page's RSC payload repeats every text).
  expect(mailbox.split('>Reçu de paiement et nouvelle carte de membre').length - 1).toBe(1);
  await a.dispose();
  await b.dispose();
});

test('renewal route handlers: the renewal cron wants its secret, and the webhook does not exist without Stripe', async ({ request }) => {
  const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }];
  for (const headers of attempts) {
    expect((await request.get('/api/cron/renewals', { headers })).status()).toBe(401);
    expect((await request.get('/api/cron/housekeeping', { headers })).status()).toBe(401);
  }
  const webhook = await request.post('/api/stripe/webhook', { data: '{"type":"checkout.session.completed"}', headers: { 'stripe-signature': 't=1,v1=00' } });
  expect(webhook.status()).toBe(404);
});
