import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { groupAffiliations, invoices, members, payments } from '@/db/schema';
import { addDays, addMonths } from '@/lib/dates';
import { startInvoiceCheckout, startRenewalCheckout } from '@/lib/renewal/checkout';
import { DECLARATION_VERSION } from '@/lib/renewal/declaration';
import { fulfilPayment, type PaymentReport } from '@/lib/renewal/fulfil';
import { findMemberInvoice, listMemberInvoices } from '@/lib/renewal/invoices';
import { readInvoiceLinkToken } from '@/lib/renewal/invoice-link';
import { runRenewalJob } from '@/lib/renewal/job';
import { createMember } from '../support/members';
import { extractPdfText } from '../support/pdf-text';
import {
  affiliationsOf,
  attachmentBytes,
  auditOf,
  clearRenewals,
  emailsTo,
  expiryOf,
  invoiceById,
  invoicesOf,
  noon,
  paymentsFor,
  startsWithPdfMagic,
} from '../support/renewal';

// env() reads process.env once: no Stripe key, so checkout goes to the demo payment page.
delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;
delete process.env.RENEWAL_WINDOW_DAYS;
delete process.env.RESEND_API_KEY;

const TODAY = '2027-03-10';
const choice = (groupCode = 'DZ-QC-STJEAN') => ({ groupCode, declarationAccepted: true as const });

beforeEach(clearRenewals);

/** A member in the renewal window with an open invoice whose group was chosen on the renew page. */
async function memberWithInvoice({ expiresOn = addDays(TODAY, 20), preferredLanguage = 'fr' as 'fr' | 'en', on = TODAY, groupCode = 'DZ-QC-STJEAN' } = {}) {
  const member = await createMember({ membershipExpiresOn: expiresOn, preferredLanguage });
  const started = await startRenewalCheckout(member.id, choice(groupCode), preferredLanguage, noon(on));
  expect(started.ok).toBe(true);
  const [invoice] = await invoicesOf(member.id);
  return { member, invoice: invoice! };
}

const payment = (invoiceId: string, overrides: Partial<PaymentReport> = {}): PaymentReport => ({
  provider: 'demo',
  providerPaymentId: `demo_${invoiceId}`,
  invoiceId,
  amountCents: 11500,
  currency: 'CAD',
  paidAt: noon(TODAY),
  ...overrides,
});

describe('a payment that matches its invoice', () => {
  it('renews once from the current expiry when paid before it, and sends the receipt with the new card', async () => {
    const expiresOn = '2027-04-29';
    const { member, invoice } = await memberWithInvoice({ expiresOn, preferredLanguage: 'fr' });
    const paidAt = noon(TODAY);

    const result = await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_before', paidAt }));

    expect(result).toEqual({ outcome: 'applied', invoiceId: invoice.id, newExpiresOn: '2028-04-29' });
    expect(await expiryOf(member.id)).toBe('2028-04-29');
    expect(await invoiceById(invoice.id)).toMatchObject({ status: 'paid', paidAt, newExpiresOn: '2028-04-29' });
    expect(await paymentsFor(invoice.id)).toEqual([
      expect.objectContaining({
        provider: 'demo',
        providerPaymentId: 'demo_before',
        memberId: member.id,
        amountCents: 11500,
        currency: 'CAD',
        outcome: 'applied',
        expiresBefore: expiresOn,
        expiresAfter: '2028-04-29',
      }),
    ]);
    expect(await affiliationsOf(member.id)).toEqual([{ memberId: member.id, membershipYear: 2028, groupCode: 'DZ-QC-STJEAN' }]);
    const [audit, ...moreAudit] = await auditOf(member.id, 'membership.renewed');
    expect(moreAudit).toEqual([]);
    expect(audit!.changes.membershipExpiresOn).toEqual({ old: expiresOn, new: '2028-04-29' });

    const [receipt, ...moreReceipts] = await emailsTo(member.id, 'renewal-receipt');
    expect(moreReceipts).toEqual([]);
    expect(receipt).toMatchObject({ locale: 'fr', toAddress: member.email, subject: 'Reçu de paiement et nouvelle carte de membre – ACPS' });
    expect(receipt!.attachments!.map((file) => [file.filename, file.contentType])).toEqual([
      [`ACPS-CSPA-Recu-${invoice.number}.pdf`, 'application/pdf'],
      [`CSPA-ACPS-${member.cspaNumber}-2028.pdf`, 'application/pdf'],
    ]);
    const [receiptPdf, cardPdf] = receipt!.attachments!.map(attachmentBytes);
    expect(startsWithPdfMagic(receiptPdf!)).toBe(true);
    expect(startsWithPdfMagic(cardPdf!)).toBe(true);
    expect((await extractPdfText(receiptPdf!)).join('\n')).toContain('demo_before');
  });

  it('renews from the payment day when paid after expiry; the group lands in the new expiry’s membership year', async () => {
    // Expired 20 December 2027, invoiced 28 December, paid 2 January 2028: the term runs to 2 January 2029.
    const member = await createMember({ membershipExpiresOn: '2027-12-20', preferredLanguage: 'en' });
    expect(await startRenewalCheckout(member.id, choice('DZ-ON-OTTAWA'), 'en', noon('2027-12-28'))).toMatchObject({ ok: true });
    const [invoice] = await invoicesOf(member.id);

    const result = await fulfilPayment(payment(invoice!.id, { paidAt: noon('2028-01-02') }));

    expect(result).toEqual({ outcome: 'applied', invoiceId: invoice!.id, newExpiresOn: '2029-01-02' });
    expect(await expiryOf(member.id)).toBe('2029-01-02');
    expect(await affiliationsOf(member.id)).toEqual([{ memberId: member.id, membershipYear: 2029, groupCode: 'DZ-ON-OTTAWA' }]);
    const [receipt, ...more] = await emailsTo(member.id, 'renewal-receipt');
    expect(more).toEqual([]);
    expect(receipt).toMatchObject({ locale: 'en', subject: 'Payment receipt and new membership card – CSPA' });
    expect(receipt!.attachments!.map((file) => file.filename)).toEqual([`ACPS-CSPA-Receipt-${invoice!.number}.pdf`, `CSPA-ACPS-${member.cspaNumber}-2029.pdf`]);
  });

  it('paid on the expiry day itself, follows on from the expiry', async () => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: addDays(TODAY, 20) });
    const result = await fulfilPayment(payment(invoice.id, { paidAt: noon(addDays(TODAY, 20)) }));
    expect(result).toMatchObject({ outcome: 'applied', newExpiresOn: addMonths(addDays(TODAY, 20), 12) });
    expect(await expiryOf(member.id)).toBe(addMonths(addDays(TODAY, 20), 12));
  });

  it('replaces the group of a membership year already recorded', async () => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: '2027-04-29', groupCode: 'DZ-QC-BEAUCE' });
    const db = await getDb();
    await db.insert(groupAffiliations).values({ memberId: member.id, membershipYear: 2028, groupCode: 'DZ-QC-STJEAN' });
    await fulfilPayment(payment(invoice.id));
    expect(await affiliationsOf(member.id)).toEqual([{ memberId: member.id, membershipYear: 2028, groupCode: 'DZ-QC-BEAUCE' }]);
  });

  it('accepts the currency in lower case, as Stripe reports it', async () => {
    const { invoice } = await memberWithInvoice();
    expect((await fulfilPayment(payment(invoice.id, { currency: 'cad' }))).outcome).toBe('applied');
  });
});

describe('the same payment reported again', () => {
  it('is a duplicate: one payment, one extension, one receipt', async () => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: '2027-04-29' });
    expect((await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_again' }))).outcome).toBe('applied');

    expect(await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_again' }))).toEqual({ outcome: 'duplicate' });
    expect(await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_again', paidAt: noon(addDays(TODAY, 3)) }))).toEqual({ outcome: 'duplicate' });

    expect(await expiryOf(member.id)).toBe('2028-04-29');
    expect(await paymentsFor(invoice.id)).toHaveLength(1);
    expect(await emailsTo(member.id, 'renewal-receipt')).toHaveLength(1);
    expect(await auditOf(member.id, 'membership.renewed')).toHaveLength(1);
  });
});

describe('a payment that does not match its invoice', () => {
  it.each([
    ['a different amount', { amountCents: 11400 }, 'amount 11400 instead of 11500'],
    ['a different currency', { currency: 'USD' }, 'currency USD instead of CAD'],
  ])('%s is recorded as a mismatch and changes nothing else', async (_label, overrides, detail) => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: '2027-04-29' });

    const result = await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_wrong', ...overrides }));

    expect(result).toEqual({ outcome: 'mismatch', detail });
    expect(await paymentsFor(invoice.id)).toEqual([expect.objectContaining({ providerPaymentId: 'demo_wrong', outcome: 'mismatch', detail, memberId: member.id, expiresAfter: null })]);
    expect(await invoiceById(invoice.id)).toMatchObject({ status: 'open', paidAt: null, newExpiresOn: null });
    expect(await expiryOf(member.id)).toBe('2027-04-29');
    expect(await affiliationsOf(member.id)).toEqual([]);
    expect(await emailsTo(member.id, 'renewal-receipt')).toEqual([]);
    expect(await auditOf(member.id, 'payment.mismatch')).toHaveLength(1);
    expect(await auditOf(member.id, 'membership.renewed')).toEqual([]);
  });

  it('naming no known invoice is recorded as a mismatch against nothing', async () => {
    for (const invoiceId of [null, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const result = await fulfilPayment({ ...payment('x'), invoiceId, providerPaymentId: `demo_orphan_${invoiceId}` });
      expect(result).toMatchObject({ outcome: 'mismatch', detail: expect.stringContaining('no invoice') });
    }
    const db = await getDb();
    const orphans = await db.select().from(payments).where(eq(payments.outcome, 'mismatch'));
    expect(orphans.map((row) => [row.invoiceId, row.memberId])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

describe('a second, different payment for a paid invoice', () => {
  it('is recorded as invoice_not_open and does not extend again', async () => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: '2027-04-29' });
    await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_first' }));

    const second = await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_second', paidAt: noon(addDays(TODAY, 1)) }));

    expect(second).toEqual({ outcome: 'invoice_not_open', invoiceId: invoice.id });
    expect((await paymentsFor(invoice.id)).map((row) => [row.providerPaymentId, row.outcome, row.detail])).toEqual([
      ['demo_first', 'applied', null],
      ['demo_second', 'invoice_not_open', 'invoice already paid'],
    ]);
    expect(await expiryOf(member.id)).toBe('2028-04-29');
    expect(await emailsTo(member.id, 'renewal-receipt')).toHaveLength(1);
    expect(await auditOf(member.id, 'payment.invoice_not_open')).toHaveLength(1);
  });

  it('a payment for a voided invoice is not applied either', async () => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: '2027-04-29' });
    const db = await getDb();
    await db.update(invoices).set({ status: 'void', voidedAt: noon(TODAY) }).where(eq(invoices.id, invoice.id));
    expect(await fulfilPayment(payment(invoice.id))).toEqual({ outcome: 'invoice_not_open', invoiceId: invoice.id });
    expect(await expiryOf(member.id)).toBe('2027-04-29');
  });
});

describe('a payment for a term already renewed another way', () => {
  it('does not renew a second time when the office renewed the member before the daily job voided the invoice', async () => {
    // The member opened the pay link (or a Checkout session) for the term ending 2027-04-29; meanwhile
    // the office renewed them to 2028-04-29. The invoice is stale (the job would void it) but still open.
    const { member, invoice } = await memberWithInvoice({ expiresOn: '2027-04-29' });
    const db = await getDb();
    await db.update(members).set({ membershipExpiresOn: '2028-04-29' }).where(eq(members.id, member.id));

    const result = await fulfilPayment(payment(invoice.id, { providerPaymentId: 'demo_stale' }));

    expect(await expiryOf(member.id)).toBe('2028-04-29');
    expect(result.outcome).not.toBe('applied');
    expect(await paymentsFor(invoice.id)).toEqual([expect.objectContaining({ providerPaymentId: 'demo_stale', outcome: expect.not.stringMatching(/^applied$/) })]);
    expect(await emailsTo(member.id, 'renewal-receipt')).toEqual([]);
  });
});

describe('starting a checkout', () => {
  it('without a Stripe key, records the group and the declaration, then sends the member to the demo payment page', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 20) });
    const now = noon(TODAY);

    const result = await startRenewalCheckout(member.id, choice('CLUB-QC-ULAVAL'), 'fr', now);

    const [invoice, ...more] = await invoicesOf(member.id);
    expect(more).toEqual([]);
    expect(result).toEqual({ ok: true, redirectTo: expect.stringMatching(/^\/fr\/invoice\/[A-Za-z0-9_-]+\/demo-payment$/) });
    const token = (result as { redirectTo: string }).redirectTo.split('/')[3]!;
    expect(readInvoiceLinkToken(token, now)?.invoiceId).toBe(invoice!.id);
    expect(invoice).toMatchObject({ status: 'open', groupCode: 'CLUB-QC-ULAVAL', declarationVersion: DECLARATION_VERSION, declarationAcceptedAt: now });
  });

  it('twice, reuses the member’s invoice for the term', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 20) });
    await startRenewalCheckout(member.id, choice('DZ-QC-STJEAN'), 'fr', noon(TODAY));
    await startRenewalCheckout(member.id, choice('DZ-QC-BEAUCE'), 'fr', noon(TODAY));
    expect(await invoicesOf(member.id)).toEqual([expect.objectContaining({ groupCode: 'DZ-QC-BEAUCE' })]);
  });

  it('refuses a member outside the window or in a category the office renews, and creates no invoice', async () => {
    const early = await createMember({ membershipExpiresOn: addDays(TODAY, 61) });
    const firstJump = await createMember({ membershipExpiresOn: addDays(TODAY, 20), categoryCode: 'FIRST_JUMP' });
    const noMembership = await createMember({ membershipExpiresOn: null });
    for (const member of [early, firstJump, noMembership]) {
      expect(await startRenewalCheckout(member.id, choice(), 'fr', noon(TODAY))).toEqual({ ok: false, code: 'notRenewable' });
      expect(await invoicesOf(member.id)).toEqual([]);
    }
  });

  it('refuses a paid invoice, a void one, an expired one, and an unknown group', async () => {
    const { invoice: paid } = await memberWithInvoice();
    await fulfilPayment(payment(paid.id));
    expect(await startInvoiceCheckout(paid.id, choice(), 'fr', noon(TODAY))).toEqual({ ok: false, code: 'invoicePaid' });

    const { invoice: voided } = await memberWithInvoice();
    const db = await getDb();
    await db.update(invoices).set({ status: 'void', voidedAt: noon(TODAY) }).where(eq(invoices.id, voided.id));
    expect(await startInvoiceCheckout(voided.id, choice(), 'fr', noon(TODAY))).toEqual({ ok: false, code: 'invoiceVoid' });

    const { invoice: open } = await memberWithInvoice();
    const afterPayable = new Date(open.payableUntil.getTime() + 1);
    expect(await startInvoiceCheckout(open.id, choice(), 'fr', afterPayable)).toEqual({ ok: false, code: 'invoiceExpired' });

    expect(await startInvoiceCheckout(open.id, choice('DZ-NOWHERE'), 'fr', noon(TODAY))).toEqual({ ok: false, code: 'unknownGroup' });
    expect((await invoiceById(open.id)).groupCode).toBe('DZ-QC-STJEAN');
  });

  it('from the renew page, refuses the member whose invoice is already paid', async () => {
    const { member, invoice } = await memberWithInvoice({ expiresOn: addDays(TODAY, 20) });
    await fulfilPayment(payment(invoice.id));
    // Renewed: the new expiry is a year out, so the renew page has nothing to sell.
    expect(await startRenewalCheckout(member.id, choice(), 'fr', noon(TODAY))).toEqual({ ok: false, code: 'notRenewable' });
    expect(await invoicesOf(member.id)).toHaveLength(1);
  });
});

describe('a member’s invoices', () => {
  it('are theirs alone: another member’s invoice number finds nothing', async () => {
    const { member: me, invoice: mine } = await memberWithInvoice();
    const { member: other, invoice: theirs } = await memberWithInvoice();

    expect((await findMemberInvoice(me.id, mine.number))?.id).toBe(mine.id);
    expect(await findMemberInvoice(other.id, mine.number)).toBeNull();
    expect(await findMemberInvoice(me.id, theirs.number)).toBeNull();
    expect((await listMemberInvoices(me.id)).map((row) => row.id)).toEqual([mine.id]);
    expect((await listMemberInvoices(other.id)).map((row) => row.id)).toEqual([theirs.id]);
  });

  it('are listed newest first', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 20) });
    await runRenewalJob({ now: noon(TODAY) });
    const [first] = await invoicesOf(member.id);
    await fulfilPayment(payment(first!.id));
    // A year later, the next term's invoice.
    await runRenewalJob({ now: noon(addDays(addMonths(addDays(TODAY, 20), 12), -10)) });
    const listed = await listMemberInvoices(member.id);
    expect(listed).toHaveLength(2);
    expect(listed[1]!.id).toBe(first!.id);
  });
});
