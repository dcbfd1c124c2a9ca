import 'server-only';
import { and, desc, eq, gte, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invoices, memberGroups } from '@/db/schema';
import { addDays, todayIso } from '@/lib/dates';
import { env } from '@/lib/env';
import { findInvoiceById, lastAffiliationGroup, loadRenewalMember, quoteRenewal, type RenewalMember, type RenewalQuote } from './invoices';
import { expiryAfterRenewal, membershipYearOf, renewalStage, type RenewalStage } from './rules';

/** How long the profile keeps saying "payment received" after a renewal. */
const RECENT_PAYMENT_DAYS = 45;

export type RenewalOverview = {
  member: RenewalMember;
  stage: RenewalStage;
  windowDays: number;
  /** What paying today would give; null when online renewal is not possible. */
  quote: RenewalQuote | null;
  openInvoice: { id: string; number: string; totalCents: number; currency: string; dueOn: string; payableUntil: Date } | null;
  recentPayment: { number: string; paidOn: string; newExpiresOn: string } | null;
};

/**
 * Everything the profile's renewal panel and the renew page say, read for the signed-in member only,
 * in two queries run side by side (the profile page is the portal's busiest).
 */
export async function getRenewalOverview(memberId: string, now = new Date()): Promise<RenewalOverview | null> {
  const db = await getDb();
  const today = todayIso(now);
  const { renewalWindowDays: windowDays } = env();
  const recentCutoff = new Date(`${addDays(today, -RECENT_PAYMENT_DAYS)}T00:00:00Z`);
  const [member, current] = await Promise.all([
    loadRenewalMember(db, memberId),
    // Open invoices, and those paid recently: what the panel may mention.
    db
      .select()
      .from(invoices)
      .where(and(eq(invoices.memberId, memberId), or(eq(invoices.status, 'open'), and(eq(invoices.status, 'paid'), gte(invoices.paidAt, recentCutoff)))))
      .orderBy(desc(invoices.issuedOn)),
  ]);
  if (!member) return null;
  const stage = renewalStage({ membershipExpiresOn: member.membershipExpiresOn, renewableOnline: member.category.renewableOnline }, today, windowDays);
  const expiresOn = member.membershipExpiresOn;
  const renewable = (stage.stage === 'open' || stage.stage === 'expired') && expiresOn !== null;
  const live = renewable ? current.find((invoice) => invoice.status === 'open' && invoice.renewsExpiryOn === expiresOn && invoice.payableUntil > now) : undefined;
  const paid = current
    .filter((invoice) => invoice.status === 'paid' && invoice.paidAt && invoice.newExpiresOn)
    .sort((a, b) => b.paidAt!.getTime() - a.paidAt!.getTime())[0];
  return {
    member,
    stage,
    windowDays,
    quote: renewable ? quoteRenewal({ ...member, membershipExpiresOn: expiresOn }, today) : null,
    openInvoice: live
      ? { id: live.id, number: live.number, totalCents: live.totalCents, currency: live.currency, dueOn: live.dueOn, payableUntil: live.payableUntil }
      : null,
    recentPayment: paid ? { number: paid.number, paidOn: todayIso(paid.paidAt!), newExpiresOn: paid.newExpiresOn! } : null,
  };
}

export type GroupOption = { code: string; name: string; kind: 'drop_zone' | 'club' | 'provincial' };

/** The groups a member may affiliate with (kept as data), and the one to preselect: last year's. */
export async function groupChoices(memberId: string | null): Promise<{ groups: GroupOption[]; preselected: string | null }> {
  const db = await getDb();
  const [groups, last] = await Promise.all([
    db.select({ code: memberGroups.code, name: memberGroups.name, kind: memberGroups.kind }).from(memberGroups).where(eq(memberGroups.active, true)).orderBy(memberGroups.kind, memberGroups.name),
    memberId ? lastAffiliationGroup(db, memberId) : Promise.resolve(null),
  ]);
  return { groups, preselected: last && groups.some((group) => group.code === last) ? last : null };
}

export type InvoiceView = {
  invoice: { id: string; number: string; status: 'open' | 'paid' | 'void'; totalCents: number; currency: string; issuedOn: string; dueOn: string; renewsExpiryOn: string; payableUntil: Date; paidAt: Date | null; newExpiresOn: string | null };
  member: { id: string; firstName: string; lastName: string; cspaNumber: string };
  categoryName: { fr: string; en: string };
  /** What paying today would make the expiry (the paid date once paid). */
  newExpiresOn: string;
  membershipYear: number;
};

/** One invoice as its signed link shows it: the member's name and number, nothing else of the record. */
export async function getInvoiceView(invoiceId: string, now = new Date()): Promise<InvoiceView | null> {
  const db = await getDb();
  const invoice = await findInvoiceById(db, invoiceId);
  if (!invoice) return null;
  const member = await loadRenewalMember(db, invoice.memberId);
  if (!member) return null;
  const today = todayIso(now);
  const newExpiresOn = invoice.newExpiresOn ?? expiryAfterRenewal(member.membershipExpiresOn ?? invoice.renewsExpiryOn, today, member.category.termMonths);
  return {
    invoice,
    member: { id: member.id, firstName: member.firstName, lastName: member.lastName, cspaNumber: member.cspaNumber },
    categoryName: { fr: member.category.nameFr, en: member.category.nameEn },
    newExpiresOn,
    membershipYear: membershipYearOf(newExpiresOn),
  };
}
