import 'server-only';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { invoiceReminders, invoices, members, membershipCategories } from '@/db/schema';
import { addDays, daysBetween, todayIso } from '@/lib/dates';
import { enqueueEmail } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import { invoicePdf } from './documents';
import { invoiceLinkUrl } from './invoice-link';
import { ensureInvoice, findInvoiceById, loadRenewalMember, quoteRenewal } from './invoices';
import { EXPIRY_NOTICE_GRACE_DAYS, REMINDER_STEPS, reminderStepFor, type ReminderStep } from './rules';

export type RenewalJobCounts = { invoicesCreated: number; emailsQueued: number; invoicesVoided: number };

/**
 * The daily renewal run (cron route and `npm run jobs:renewals`). Safe to run twice, or twice at once:
 * invoices are unique per term, each invoice is locked while its email is decided, and each
 * (invoice, step) is a primary key, so no member gets two invoices or the same reminder twice.
 */
export async function runRenewalJob({ now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {}): Promise<RenewalJobCounts> {
  const db = await getDb();
  const today = todayIso(now);
  const { renewalWindowDays } = env();
  const counts: RenewalJobCounts = { invoicesCreated: 0, emailsQueued: 0, invoicesVoided: await voidStaleInvoices(now) };

  // Members entering the window: renewable online, expiring within it, with no live invoice for this term.
  const entering = await db
    .select({ id: members.id })
    .from(members)
    .innerJoin(membershipCategories, eq(membershipCategories.code, members.categoryCode))
    .where(
      and(
        eq(membershipCategories.renewableOnline, true),
        gte(members.membershipExpiresOn, today),
        lte(members.membershipExpiresOn, addDays(today, renewalWindowDays)),
        sql`not exists (select 1 from ${invoices} where ${invoices.memberId} = ${members.id}
          and ${invoices.renewsExpiryOn} = ${members.membershipExpiresOn} and ${invoices.status} <> 'void')`,
      ),
    )
    .limit(limit);
  for (const { id } of entering) {
    const created = await db.transaction(async (tx) => {
      const member = await loadRenewalMember(tx, id);
      if (!member?.membershipExpiresOn || !member.category.renewableOnline) return false;
      return (await ensureInvoice(tx, { ...member, membershipExpiresOn: member.membershipExpiresOn }, today)).created;
    });
    if (created) counts.invoicesCreated += 1;
  }

  // Open invoices of terms not yet renewed, expiring soon or just expired: send the step they have reached.
  const open = await db
    .select({ id: invoices.id })
    .from(invoices)
    .innerJoin(members, eq(members.id, invoices.memberId))
    .where(
      and(
        eq(invoices.status, 'open'),
        eq(members.membershipExpiresOn, invoices.renewsExpiryOn),
        gte(invoices.renewsExpiryOn, addDays(today, -EXPIRY_NOTICE_GRACE_DAYS)),
        lte(invoices.renewsExpiryOn, addDays(today, renewalWindowDays)),
        // Only invoices whose step for today has not gone yet, so a limited batch always makes progress.
        sql`not exists (select 1 from ${invoiceReminders} where ${invoiceReminders.invoiceId} = ${invoices.id}
          and ${invoiceReminders.step} = ${dueStepSql(today)})`,
      ),
    )
    .orderBy(invoices.renewsExpiryOn)
    .limit(limit);
  for (const { id } of open) {
    if (await db.transaction((tx) => sendDueStep(tx, id, today, renewalWindowDays))) counts.emailsQueued += 1;
  }
  return counts;
}

/** reminderStepFor in SQL, for the invoices a run still has to look at (days left until the term's expiry). */
function dueStepSql(today: string) {
  const daysLeft = sql`(${invoices.renewsExpiryOn} - ${today}::date)`;
  return sql`(case when ${daysLeft} <= 0 then 'd0' when ${daysLeft} <= 7 then 'd7' when ${daysLeft} <= 30 then 'd30' else 'issued' end)::reminder_step`;
}

/** Open invoices past their payable date, or whose term was renewed another way (by the office), are voided. */
async function voidStaleInvoices(now: Date): Promise<number> {
  const db = await getDb();
  const voided = await db
    .update(invoices)
    .set({ status: 'void', voidedAt: now, updatedAt: now })
    .where(
      and(
        eq(invoices.status, 'open'),
        sql`(${invoices.payableUntil} < ${now.toISOString()} or exists (select 1 from ${members} where ${members.id} = ${invoices.memberId}
          and ${members.membershipExpiresOn} > ${invoices.renewsExpiryOn}))`,
      ),
    )
    .returning({ id: invoices.id });
  return voided.length;
}

async function sendDueStep(tx: Transaction, invoiceId: string, today: string, windowDays: number): Promise<boolean> {
  // Locked: a payment or another run deciding for this invoice waits, then sees what was decided.
  const invoice = await findInvoiceById(tx, invoiceId, { lock: true });
  if (!invoice || invoice.status !== 'open') return false;
  const step = reminderStepFor(daysBetween(today, invoice.renewsExpiryOn), windowDays);
  if (!step) return false;
  const sent = new Set(
    (await tx.select({ step: invoiceReminders.step }).from(invoiceReminders).where(eq(invoiceReminders.invoiceId, invoice.id))).map((row) => row.step),
  );
  // The first email always carries the invoice; steps passed before it went are not sent late.
  const emailStep: ReminderStep = sent.has('issued') ? step : 'issued';
  const stepsCovered = REMINDER_STEPS.slice(0, REMINDER_STEPS.indexOf(step) + 1).filter((s) => !sent.has(s));
  if (sent.has(step) || stepsCovered.length === 0) return false;

  const member = await loadRenewalMember(tx, invoice.memberId);
  if (!member?.membershipExpiresOn) return false;
  const locale = member.preferredLanguage;
  const quote = quoteRenewal({ ...member, membershipExpiresOn: member.membershipExpiresOn }, today);
  const pdf = await invoicePdf(tx, invoice, locale, null);
  const email = await enqueueEmail(tx, {
    to: member.email,
    memberId: member.id,
    locale,
    template: {
      name: 'renewal-invoice',
      props: {
        firstName: member.firstName,
        cspaNumber: member.cspaNumber,
        invoiceNumber: invoice.number,
        amountCents: invoice.totalCents,
        currency: invoice.currency,
        expiresOn: invoice.renewsExpiryOn,
        newExpiresOn: quote.newExpiresOn,
        payUrl: invoiceLinkUrl(locale, invoice.id, invoice.payableUntil),
        step: emailStep === 'issued' ? 'issued' : step,
      },
    },
    attachments: [pdf],
  });
  await tx
    .insert(invoiceReminders)
    .values(stepsCovered.map((covered) => ({ invoiceId: invoice.id, step: covered, emailId: email.id })))
    .onConflictDoNothing();
  return true;
}

