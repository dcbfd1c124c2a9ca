import 'server-only';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { groupAffiliations, invoiceLines, invoices, members, membershipCategories, type Invoice, type InvoiceLine } from '@/db/schema';
import { endOfDayInstant } from '@/lib/dates';
import { expiryAfterRenewal, invoiceDates, membershipYearOf } from './rules';

/** What renewing needs to know about a member: read with the caller's executor, so a transaction sees its own writes. */
export type RenewalMember = {
  id: string;
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'fr' | 'en';
  membershipExpiresOn: string | null;
  address: { line1: string | null; line2: string | null; city: string | null; province: string | null; postalCode: string | null; country: string };
  category: { code: string; nameFr: string; nameEn: string; annualDuesCents: number; currency: string; termMonths: number; renewableOnline: boolean };
};

export async function loadRenewalMember(db: Executor, memberId: string, { lock = false } = {}): Promise<RenewalMember | null> {
  const query = db
    .select({
      id: members.id,
      cspaNumber: members.cspaNumber,
      firstName: members.firstName,
      lastName: members.lastName,
      email: members.email,
      preferredLanguage: members.preferredLanguage,
      membershipExpiresOn: members.membershipExpiresOn,
      line1: members.addressLine1,
      line2: members.addressLine2,
      city: members.city,
      province: members.province,
      postalCode: members.postalCode,
      country: members.country,
      category: {
        code: membershipCategories.code,
        nameFr: membershipCategories.nameFr,
        nameEn: membershipCategories.nameEn,
        annualDuesCents: membershipCategories.annualDuesCents,
        currency: membershipCategories.currency,
        termMonths: membershipCategories.termMonths,
        renewableOnline: membershipCategories.renewableOnline,
      },
    })
    .from(members)
    .innerJoin(membershipCategories, eq(membershipCategories.code, members.categoryCode))
    .where(eq(members.id, memberId));
  const [row] = lock ? await query.for('update', { of: members }) : await query;
  if (!row) return null;
  const { line1, line2, city, province, postalCode, country, ...rest } = row;
  return { ...rest, address: { line1, line2, city, province, postalCode, country } };
}

export type RenewalQuote = {
  lines: { kind: 'dues'; descriptionFr: string; descriptionEn: string; quantity: number; unitCents: number; amountCents: number }[];
  totalCents: number;
  currency: string;
  renewsExpiryOn: string;
  newExpiresOn: string;
  membershipYear: number;
};

/** What an invoice for this member would say today: amounts from the category row only. */
export function quoteRenewal(member: RenewalMember & { membershipExpiresOn: string }, today: string): RenewalQuote {
  const { category } = member;
  const newExpiresOn = expiryAfterRenewal(member.membershipExpiresOn, today, category.termMonths);
  const membershipYear = membershipYearOf(newExpiresOn);
  return {
    lines: [
      {
        kind: 'dues',
        descriptionFr: `Cotisation ${membershipYear} – ${category.nameFr}`,
        descriptionEn: `${membershipYear} dues – ${category.nameEn}`,
        quantity: 1,
        unitCents: category.annualDuesCents,
        amountCents: category.annualDuesCents,
      },
    ],
    totalCents: category.annualDuesCents,
    currency: category.currency,
    renewsExpiryOn: member.membershipExpiresOn,
    newExpiresOn,
    membershipYear,
  };
}

/** The invoice for this term that is not void (open or paid), if any. */
export async function findLiveInvoice(db: Executor, memberId: string, renewsExpiryOn: string): Promise<Invoice | null> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.memberId, memberId), eq(invoices.renewsExpiryOn, renewsExpiryOn), ne(invoices.status, 'void')));
  return row ?? null;
}

/**
 * Creates the invoice for the member's current term unless one exists; safe to call from the job and
 * the renew page at the same time: the partial unique index lets exactly one insert through.
 */
export async function ensureInvoice(db: Executor, member: RenewalMember & { membershipExpiresOn: string }, today: string): Promise<{ invoice: Invoice; created: boolean }> {
  const quote = quoteRenewal(member, today);
  const dates = invoiceDates(quote.renewsExpiryOn, today);
  const [inserted] = await db
    .insert(invoices)
    .values({
      number: sql`${today.slice(0, 4)} || '-' || lpad(nextval('invoice_number_seq')::text, 6, '0')`,
      memberId: member.id,
      categoryCode: member.category.code,
      currency: quote.currency,
      totalCents: quote.totalCents,
      renewsExpiryOn: quote.renewsExpiryOn,
      issuedOn: dates.issuedOn,
      dueOn: dates.dueOn,
      payableUntil: endOfDayInstant(dates.payableThrough),
      membershipYear: quote.membershipYear,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await db.insert(invoiceLines).values(quote.lines.map((line, index) => ({ ...line, invoiceId: inserted.id, position: index + 1 })));
    return { invoice: inserted, created: true };
  }
  const existing = await findLiveInvoice(db, member.id, quote.renewsExpiryOn);
  if (!existing) throw new Error('An invoice insert conflicted but no live invoice exists for the term');
  return { invoice: existing, created: false };
}

export async function invoiceLinesOf(db: Executor, invoiceId: string): Promise<InvoiceLine[]> {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(invoiceLines.position);
}

export async function findInvoiceById(db: Executor, invoiceId: string, { lock = false } = {}): Promise<Invoice | null> {
  const query = db.select().from(invoices).where(eq(invoices.id, invoiceId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** A member's own invoice by its number: the member id comes from the session, so another's number finds nothing. */
export async function findMemberInvoice(memberId: string, number: string): Promise<Invoice | null> {
  const db = await getDb();
  const [row] = await db.select().from(invoices).where(and(eq(invoices.memberId, memberId), eq(invoices.number, number)));
  return row ?? null;
}

export async function listMemberInvoices(memberId: string): Promise<Invoice[]> {
  const db = await getDb();
  return db.select().from(invoices).where(eq(invoices.memberId, memberId)).orderBy(desc(invoices.issuedOn), desc(invoices.number));
}

/** Last year's group first: the renew page preselects it. */
export async function lastAffiliationGroup(db: Executor, memberId: string): Promise<string | null> {
  const [row] = await db
    .select({ groupCode: groupAffiliations.groupCode })
    .from(groupAffiliations)
    .where(eq(groupAffiliations.memberId, memberId))
    .orderBy(desc(groupAffiliations.membershipYear))
    .limit(1);
  return row?.groupCode ?? null;
}
