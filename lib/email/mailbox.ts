import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';

/** Read side of the dev mailbox (/dev/mailbox), which exists only while RESEND_API_KEY is unset. */

export type OutboxSummary = {
  id: string;
  toAddress: string;
  subject: string;
  template: string;
  status: 'pending' | 'sent' | 'failed';
  createdAt: Date;
};

export type OutboxEmail = OutboxSummary & {
  locale: 'fr' | 'en';
  html: string;
  text: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  attachments: { filename: string; contentType: string; bytes: number }[];
};

const summaryColumns = {
  id: emailOutbox.id,
  toAddress: emailOutbox.toAddress,
  subject: emailOutbox.subject,
  template: emailOutbox.template,
  status: emailOutbox.status,
  createdAt: emailOutbox.createdAt,
};

export async function listOutbox(limit = 100): Promise<OutboxSummary[]> {
  const db = await getDb();
  return db.select(summaryColumns).from(emailOutbox).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit);
}

/** Null for an unknown id and for anything that is not a UUID (which Postgres would reject with an error). */
export async function getOutboxEmail(id: string): Promise<OutboxEmail | null> {
  if (!z.guid().safeParse(id).success) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...summaryColumns,
      locale: emailOutbox.locale,
      html: emailOutbox.html,
      text: emailOutbox.text,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      sentAt: emailOutbox.sentAt,
      attachments: emailOutbox.attachments,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  if (!row) return null;
  const attachments = (row.attachments ?? []).map((file) => ({
    filename: file.filename,
    contentType: file.contentType,
    bytes: Buffer.from(file.contentBase64, 'base64').byteLength,
  }));
  return { ...row, attachments };
}

/** One attached file of an outbox email, by its position (0-based). */
export async function getOutboxAttachment(id: string, index: number): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  if (!z.guid().safeParse(id).success || !Number.isInteger(index) || index < 0) return null;
  const db = await getDb();
  const [row] = await db.select({ attachments: emailOutbox.attachments }).from(emailOutbox).where(eq(emailOutbox.id, id));
  const file = row?.attachments?.[index];
  if (!file) return null;
  return { filename: file.filename, contentType: file.contentType, content: Buffer.from(file.contentBase64, 'base64') };
}
