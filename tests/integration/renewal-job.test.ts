import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { members } from '@/db/schema';
import { addDays, endOfDayInstant, todayIso } from '@/lib/dates';
import { runRenewalJob } from '@/lib/renewal/job';
import { fulfilPayment } from '@/lib/renewal/fulfil';
import { readInvoiceLinkToken } from '@/lib/renewal/invoice-link';
import { GET } from '@/app/api/cron/renewals/route';
import { eq } from 'drizzle-orm';
import { createMember } from '../support/members';
import { extractPdfText } from '../support/pdf-text';
import {
  attachmentBytes,
  clearRenewals,
  emailsTo,
  invoiceById,
  invoicesOf,
  linesOf,
  noon,
  payLinkToken,
  remindersOf,
  startsWithPdfMagic,
} from '../support/renewal';

// env() reads process.env once, on first use: configure it before anything runs. The default window
// (60 days) is the one under test; no Stripe and no Resend, so nothing leaves the process.
const cronSecret = 'renewal-cron-secret-for-tests-0123456789';
process.env.CRON_SECRET = cronSecret;
delete process.env.RENEWAL_WINDOW_DAYS;
delete process.env.STRIPE_SECRET_KEY;
delete process.env.RESEND_API_KEY;

/** The day the simulation starts: far enough ahead that invoice links issued "today" are still valid. */
const TODAY = '2027-03-10';
const runOn = (day: string) => runRenewalJob({ now: noon(day) });

beforeEach(clearRenewals);

describe('who gets a renewal invoice', () => {
  it('invoices members expiring within 60 days, through the expiry day, and no one outside the window', async () => {
    const expiring = async (days: number, categoryCode = 'FULL') => createMember({ membershipExpiresOn: addDays(TODAY, days), categoryCode });
    const in61 = await expiring(61);
    const in60 = await expiring(60);
    const in30 = await expiring(30);
    const in7 = await expiring(7);
    const today = await expiring(0);
    const yesterday = await expiring(-1);
    const firstJump = await expiring(30, 'FIRST_JUMP');
    const honorary = await expiring(30, 'HONORARY');
    const noMembership = await createMember({ membershipExpiresOn: null });

    const counts = await runOn(TODAY);

    expect(counts).toEqual({ invoicesCreated: 4, emailsQueued: 4, invoicesVoided: 0 });
    for (const member of [in60, in30, in7, today]) {
      const [invoice, ...more] = await invoicesOf(member.id);
      expect(more).toEqual([]);
      expect(invoice).toMatchObject({ status: 'open', renewsExpiryOn: member.membershipExpiresOn });
      expect(await emailsTo(member.id, 'renewal-invoice')).toHaveLength(1);
    }
    for (const member of [in61, yesterday, firstJump, honorary, noMembership]) {
      expect(await invoicesOf(member.id)).toEqual([]);
      expect(await emailsTo(member.id)).toEqual([]);
    }
  });

  it('opens the window on the 60th day before expiry, not the 61st', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 60) });
    await runOn(addDays(TODAY, -1));
    expect(await invoicesOf(member.id)).toEqual([]);
    await runOn(TODAY);
    expect(await invoicesOf(member.id)).toHaveLength(1);
  });
});

describe('the renewal invoice', () => {
  it('bills the category’s dues, due on the expiry day, and emails it as a PDF with a signed pay link', async () => {
    const expiresOn = addDays(TODAY, 45); // 2027-04-24: the new term ends in 2028
    const member = await createMember({ membershipExpiresOn: expiresOn, preferredLanguage: 'en', firstName: 'Robin' });

    await runOn(TODAY);

    const [invoice] = await invoicesOf(member.id);
    expect(invoice).toMatchObject({
      number: expect.stringMatching(/^2027-\d{6}$/),
      status: 'open',
      categoryCode: 'FULL',
      totalCents: 11500,
      currency: 'CAD',
      renewsExpiryOn: expiresOn,
      issuedOn: TODAY,
      dueOn: expiresOn,
      membershipYear: 2028,
      groupCode: null,
      paidAt: null,
      newExpiresOn: null,
    });
    expect(invoice!.payableUntil).toEqual(endOfDayInstant(addDays(expiresOn, 30)));
    expect(await linesOf(invoice!.id)).toEqual([
      expect.objectContaining({ position: 1, kind: 'dues', quantity: 1, unitCents: 11500, amountCents: 11500, descriptionEn: expect.stringContaining('2028 dues') }),
    ]);

    const [email, ...others] = await emailsTo(member.id);
    expect(others).toEqual([]);
    expect(email).toMatchObject({ template: 'renewal-invoice', locale: 'en', toAddress: member.email, subject: `Your renewal invoice ${invoice!.number} – CSPA` });
    expect(email!.attachments).toHaveLength(1);
    const [pdf] = email!.attachments!;
    expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: `ACPS-CSPA-Invoice-${invoice!.number}.pdf` });
    const bytes = attachmentBytes(pdf!);
    expect(startsWithPdfMagic(bytes)).toBe(true);
    expect((await extractPdfText(bytes)).join('\n')).toContain(invoice!.number);

    const token = payLinkToken(email!.text, 'en');
    expect(token).not.toBeNull();
    expect(email!.html).toContain(`/en/invoice/${token}`);
    expect(readInvoiceLinkToken(token!, noon(TODAY))?.invoiceId).toBe(invoice!.id);
    // The link dies with the invoice's payable period.
    expect(readInvoiceLinkToken(token!, new Date(invoice!.payableUntil.getTime() + 1000))).toBeNull();
  });

  it('writes to a French-speaking member in French', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 50), preferredLanguage: 'fr' });
    await runOn(TODAY);
    const [invoice] = await invoicesOf(member.id);
    const [email] = await emailsTo(member.id);
    expect(email).toMatchObject({ locale: 'fr', subject: `Votre facture de renouvellement ${invoice!.number} – ACPS` });
    expect(email!.attachments![0]!.filename).toBe(`ACPS-CSPA-Facture-${invoice!.number}.pdf`);
    const token = payLinkToken(email!.text, 'fr');
    expect(readInvoiceLinkToken(token!, noon(TODAY))?.invoiceId).toBe(invoice!.id);
  });

  it('numbers invoices uniquely', async () => {
    const first = await createMember({ membershipExpiresOn: addDays(TODAY, 10) });
    const second = await createMember({ membershipExpiresOn: addDays(TODAY, 20) });
    await runOn(TODAY);
    const [a] = await invoicesOf(first.id);
    const [b] = await invoicesOf(second.id);
    expect(a!.number).not.toBe(b!.number);
  });
});

describe('running the job again', () => {
  it('twice the same day: one invoice, one email', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 40) });
    expect(await runOn(TODAY)).toEqual({ invoicesCreated: 1, emailsQueued: 1, invoicesVoided: 0 });
    expect(await runOn(TODAY)).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });
    expect(await invoicesOf(member.id)).toHaveLength(1);
    expect(await emailsTo(member.id)).toHaveLength(1);
  });

  it('three times at once: one invoice, one email (real concurrency on PostgreSQL)', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(TODAY, 40) });
    const results = await Promise.all([runOn(TODAY), runOn(TODAY), runOn(TODAY)]);
    expect(results.reduce((sum, counts) => sum + counts.invoicesCreated, 0)).toBe(1);
    expect(results.reduce((sum, counts) => sum + counts.emailsQueued, 0)).toBe(1);
    expect(await invoicesOf(member.id)).toHaveLength(1);
    expect(await emailsTo(member.id)).toHaveLength(1);
  });
});

describe('more members than one run handles', () => {
  it('every member gets their invoice email within a few daily runs, whatever the batch size', async () => {
    // The cron route runs with a batch of 500; a batch of 2 shows the same with three members.
    const expiresOn = addDays(TODAY, 40);
    const batch = [await createMember({ membershipExpiresOn: expiresOn }), await createMember({ membershipExpiresOn: expiresOn }), await createMember({ membershipExpiresOn: expiresOn })];
    for (const day of [TODAY, addDays(TODAY, 1), addDays(TODAY, 2)]) await runRenewalJob({ now: noon(day), limit: 2 });
    for (const member of batch) {
      expect(await invoicesOf(member.id)).toHaveLength(1);
      expect(await emailsTo(member.id, 'renewal-invoice'), `invoice email to member ${batch.indexOf(member) + 1}`).toHaveLength(1);
    }
  });
});

describe('reminders', () => {
  const stepsOf = async (invoiceId: string) => (await remindersOf(invoiceId)).map((row) => row.step).sort();

  it('sends the invoice, then one reminder 30 days, 7 days and on the expiry day, each once', async () => {
    const expiresOn = addDays(TODAY, 60);
    const member = await createMember({ membershipExpiresOn: expiresOn, preferredLanguage: 'fr' });
    const day = (daysLeft: number) => addDays(expiresOn, -daysLeft);

    const expectations: [daysLeft: number, steps: string[], emails: number][] = [
      [60, ['issued'], 1],
      [45, ['issued'], 1],
      [30, ['d30', 'issued'], 2],
      [30, ['d30', 'issued'], 2],
      [29, ['d30', 'issued'], 2],
      [7, ['d30', 'd7', 'issued'], 3],
      [7, ['d30', 'd7', 'issued'], 3],
      [0, ['d0', 'd30', 'd7', 'issued'], 4],
      [0, ['d0', 'd30', 'd7', 'issued'], 4],
      [-1, ['d0', 'd30', 'd7', 'issued'], 4],
    ];
    for (const [daysLeft, steps, emails] of expectations) {
      await runOn(day(daysLeft));
      const [invoice, ...more] = await invoicesOf(member.id);
      expect(more, `one invoice at ${daysLeft} days`).toEqual([]);
      expect(await stepsOf(invoice!.id), `steps at ${daysLeft} days`).toEqual(steps);
      expect(await emailsTo(member.id, 'renewal-invoice'), `emails at ${daysLeft} days`).toHaveLength(emails);
    }

    const [invoice] = await invoicesOf(member.id);
    const sent = await emailsTo(member.id);
    expect(sent.map((email) => email.subject)).toEqual([
      `Votre facture de renouvellement ${invoice!.number} – ACPS`,
      expect.stringContaining('30'),
      expect.stringContaining('7'),
      'Votre adhésion expire aujourd’hui – ACPS',
    ]);
    // Every reminder carries the invoice and the pay link; each step row points at the email that covered it.
    for (const email of sent) {
      expect(email.attachments).toHaveLength(1);
      expect(payLinkToken(email.text, 'fr')).not.toBeNull();
    }
    const reminders = await remindersOf(invoice!.id);
    expect(new Set(reminders.map((row) => row.emailId))).toEqual(new Set(sent.map((email) => email.id)));
  });

  it('catches up a missed expiry-day notice within 6 days, once, then goes quiet', async () => {
    const expiresOn = addDays(TODAY, 60);
    const member = await createMember({ membershipExpiresOn: expiresOn });
    await runOn(TODAY);
    for (const daysAfter of [1, 6, 7, 20]) await runOn(addDays(expiresOn, daysAfter));
    expect((await emailsTo(member.id)).map((email) => email.subject)).toEqual([expect.stringContaining('facture'), 'Votre adhésion expire aujourd’hui – ACPS']);
    const [invoice] = await invoicesOf(member.id);
    expect((await remindersOf(invoice!.id)).map((row) => row.step).sort()).toEqual(['d0', 'd30', 'd7', 'issued']);
  });

  it('sends no late notice once expired for more than 6 days', async () => {
    const expiresOn = addDays(TODAY, 60);
    const member = await createMember({ membershipExpiresOn: expiresOn });
    await runOn(TODAY);
    expect(await runOn(addDays(expiresOn, 7))).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });
    expect(await emailsTo(member.id)).toHaveLength(1);
  });

  it('an invoice first sent 20 days before expiry goes once, as the invoice, with no separate 30-day reminder', async () => {
    const expiresOn = addDays(TODAY, 20);
    const member = await createMember({ membershipExpiresOn: expiresOn, preferredLanguage: 'en' });

    expect(await runOn(TODAY)).toEqual({ invoicesCreated: 1, emailsQueued: 1, invoicesVoided: 0 });
    expect(await runOn(TODAY)).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });
    expect(await runOn(addDays(TODAY, 1))).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });

    const [invoice] = await invoicesOf(member.id);
    const [email, ...others] = await emailsTo(member.id);
    expect(others).toEqual([]);
    expect(email!.subject).toBe(`Your renewal invoice ${invoice!.number} – CSPA`);
    const reminders = await remindersOf(invoice!.id);
    expect(reminders.map((row) => row.step).sort()).toEqual(['d30', 'issued']);
    expect(reminders.every((row) => row.emailId === email!.id)).toBe(true);

    await runOn(addDays(expiresOn, -7));
    expect(await emailsTo(member.id)).toHaveLength(2);
  });

  it('never reminds a member who has paid', async () => {
    const expiresOn = addDays(TODAY, 30);
    const member = await createMember({ membershipExpiresOn: expiresOn });
    await runOn(TODAY);
    const [invoice] = await invoicesOf(member.id);
    const paid = await fulfilPayment({ provider: 'demo', providerPaymentId: 'demo_x', invoiceId: invoice!.id, amountCents: 11500, currency: 'CAD', paidAt: noon(addDays(TODAY, 1)) });
    expect(paid.outcome).toBe('applied');

    for (const daysLeft of [7, 0, -1]) {
      expect(await runOn(addDays(expiresOn, -daysLeft))).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });
    }
    expect(await emailsTo(member.id, 'renewal-invoice')).toHaveLength(1);
    expect((await remindersOf(invoice!.id)).map((row) => row.step).sort()).toEqual(['d30', 'issued']);
    expect(await invoicesOf(member.id)).toEqual([expect.objectContaining({ id: invoice!.id, status: 'paid' })]);
  });
});

describe('stale invoices', () => {
  it('are voided once past their payable date, and not before', async () => {
    const expiresOn = addDays(TODAY, 60);
    const member = await createMember({ membershipExpiresOn: expiresOn });
    await runOn(TODAY);
    const [invoice] = await invoicesOf(member.id);

    expect((await runOn(addDays(expiresOn, 30))).invoicesVoided).toBe(0);
    expect((await invoiceById(invoice!.id)).status).toBe('open');

    const firstDayPastPayable = addDays(expiresOn, 31);
    const counts = await runOn(firstDayPastPayable);
    expect(counts).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 1 });
    const voided = await invoiceById(invoice!.id);
    expect(voided.status).toBe('void');
    expect(voided.voidedAt).toEqual(noon(firstDayPastPayable));
    expect(await runOn(addDays(expiresOn, 32))).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });
  });

  it('are voided when the office has moved the expiry beyond the term they renew, and no reminder follows', async () => {
    const expiresOn = addDays(TODAY, 40);
    const member = await createMember({ membershipExpiresOn: expiresOn });
    await runOn(TODAY);
    const [invoice] = await invoicesOf(member.id);
    const db = await getDb();
    await db.update(members).set({ membershipExpiresOn: '2028-12-31' }).where(eq(members.id, member.id));

    expect(await runOn(addDays(expiresOn, -30))).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 1 });
    expect((await invoiceById(invoice!.id)).status).toBe('void');
    expect(await emailsTo(member.id)).toHaveLength(1);
  });

  it('leave room for a new invoice when the office corrects the expiry to another date within the window', async () => {
    const expiresOn = addDays(TODAY, 40);
    const member = await createMember({ membershipExpiresOn: expiresOn });
    await runOn(TODAY);
    const [first] = await invoicesOf(member.id);
    const db = await getDb();
    await db.update(members).set({ membershipExpiresOn: addDays(expiresOn, 5) }).where(eq(members.id, member.id));

    expect(await runOn(addDays(TODAY, 1))).toEqual({ invoicesCreated: 1, emailsQueued: 1, invoicesVoided: 1 });
    const all = await invoicesOf(member.id);
    expect(all.map((row) => [row.id === first!.id, row.status, row.renewsExpiryOn])).toEqual([
      [true, 'void', expiresOn],
      [false, 'open', addDays(expiresOn, 5)],
    ]);
  });
});

describe('the renewals cron route', () => {
  const cronRequest = (authorization?: string) =>
    new Request('http://localhost:3000/api/cron/renewals', { headers: authorization ? { authorization } : {} });

  it('refuses a call without the right bearer secret, and creates nothing', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(todayIso(), 30) });
    for (const request of [cronRequest(), cronRequest('Bearer wrong'), cronRequest(cronSecret), cronRequest(`Basic ${cronSecret}`)]) {
      const response = await GET(request);
      expect(response.status).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(await invoicesOf(member.id)).toEqual([]);
    expect(await emailsTo(member.id)).toEqual([]);
  });

  it('runs the job for today with the right secret and answers the counts', async () => {
    const member = await createMember({ membershipExpiresOn: addDays(todayIso(), 30) });
    const response = await GET(cronRequest(`Bearer ${cronSecret}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ invoicesCreated: 1, emailsQueued: 1, invoicesVoided: 0 });
    expect(await invoicesOf(member.id)).toHaveLength(1);

    const again = await GET(cronRequest(`Bearer ${cronSecret}`));
    expect(await again.json()).toEqual({ invoicesCreated: 0, emailsQueued: 0, invoicesVoided: 0 });
  });
});
