import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, groupAffiliations, invoiceLines, invoiceReminders, invoices, members, payments } from '@/db/schema';

/**
 * Reading and resetting the renewal tables in integration tests. Tests pass the day they simulate to
 * the code under test; `noon` turns a calendar day into an instant that is that day in Toronto too.
 */

export function noon(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}

/** Empties the renewal tables and takes every existing member out of any renewal window (expiry unset). */
export async function clearRenewals(): Promise<void> {
  const db = await getDb();
  await db.delete(invoiceReminders);
  await db.delete(payments);
  await db.delete(invoiceLines);
  await db.delete(invoices);
  await db.delete(emailOutbox);
  await db.delete(groupAffiliations);
  await db.update(members).set({ membershipExpiresOn: null });
}

export async function invoicesOf(memberId: string) {
  const db = await getDb();
  return db.select().from(invoices).where(eq(invoices.memberId, memberId)).orderBy(asc(invoices.createdAt));
}

export async function invoiceById(invoiceId: string) {
  const db = await getDb();
  const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  return row!;
}

export async function linesOf(invoiceId: string) {
  const db = await getDb();
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
}

export async function remindersOf(invoiceId: string) {
  const db = await getDb();
  return db.select().from(invoiceReminders).where(eq(invoiceReminders.invoiceId, invoiceId));
}

export async function emailsTo(memberId: string, template?: string) {
  const db = await getDb();
  return db
    .select()
    .from(emailOutbox)
    .where(template ? and(eq(emailOutbox.memberId, memberId), eq(emailOutbox.template, template)) : eq(emailOutbox.memberId, memberId))
    .orderBy(asc(emailOutbox.createdAt));
}

export async function paymentsFor(invoiceId: string) {
  const db = await getDb();
  return db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.receivedAt));
}

export async function expiryOf(memberId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ expiresOn: members.membershipExpiresOn }).from(members).where(eq(members.id, memberId));
  return row!.expiresOn;
}

export async function affiliationsOf(memberId: string) {
  const db = await getDb();
  return db.select().from(groupAffiliations).where(eq(groupAffiliations.memberId, memberId)).orderBy(asc(groupAffiliations.membershipYear));
}

export async function auditOf(memberId: string, action?: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.subjectMemberId, memberId), eq(auditLog.action, action)) : eq(auditLog.subjectMemberId, memberId))
    .orderBy(asc(auditLog.id));
}

/** The bytes of an outbox attachment, as the email provider will receive them. */
export function attachmentBytes(file: { contentBase64: string }): Uint8Array {
  return new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
}

export function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.slice(0, 5)) === '%PDF-';
}

/** The token of the pay link `http://…/{locale}/invoice/<token>` in an email's text. */
export function payLinkToken(text: string, locale: 'fr' | 'en'): string | null {
  const match = new RegExp(`http://localhost:3000/${locale}/invoice/([A-Za-z0-9_-]+)`).exec(text);
  return match?.[1] ?? null;
}
