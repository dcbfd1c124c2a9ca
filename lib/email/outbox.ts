import 'server-only';
import type { Executor } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { renderEmail, type EmailTemplate } from './render-email';
import type { EmailContext, EmailLocale } from './templates/context';

export type { EmailTemplate } from './render-email';

export type OutgoingEmail = {
  to: string;
  memberId?: string | null;
  /** The recipient's preferred language, not the language of the page that caused the email. */
  locale: EmailLocale;
  template: EmailTemplate;
  /** Files sent with the email (an invoice, a receipt, a card), kept in the outbox row until delivered. */
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
};

export function emailContext(): EmailContext {
  const { siteUrl, contactAccountEmail, contactOfficeEmail } = env();
  return { siteUrl, accountEmail: contactAccountEmail, officeEmail: contactOfficeEmail };
}

/**
 * Writes the email to the outbox with the caller's executor: pass the transaction that makes the change,
 * so the email exists if and only if the change commits. Delivery happens later (deliverSoon, cron, script).
 */
export async function enqueueEmail(executor: Executor, message: OutgoingEmail): Promise<{ id: string }> {
  const rendered = await renderEmail(message.template, message.locale, emailContext());
  const [row] = await executor
    .insert(emailOutbox)
    .values({
      memberId: message.memberId ?? null,
      toAddress: message.to.trim(),
      locale: message.locale,
      template: message.template.name,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments: message.attachments?.map((file) => ({
        filename: file.filename,
        contentType: file.contentType,
        contentBase64: Buffer.from(file.content).toString('base64'),
      })),
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error('The outbox insert returned no row');
  return { id: row.id };
}
