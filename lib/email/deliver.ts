import 'server-only';
import type { Resend } from 'resend';
import { getDb } from '@/db/client';
import type { EmailOutboxRow } from '@/db/schema';
import { env } from '@/lib/env';
import { CLAIM_MS, claimDueEmails, outboxClock, recordFailure, recordSent, releaseClaims } from './claim';
import { createResendClient } from './resend-client';

export type DeliveryCounts = { sent: number; retried: number; failed: number };
export type DeliverOptions = { limit?: number; now?: Date };

const SEND_TIMEOUT_MS = 20_000;
// No send may still be running when the claim expires, or another worker could pick the row up meanwhile.
const START_SENDS_WITHIN_MS = CLAIM_MS - SEND_TIMEOUT_MS - 10_000;
const ERROR_MAX_LENGTH = 500;

type SendResult = { ok: true; providerMessageId: string | null } | { ok: false; error: string };

/** Resend keeps the first answer for a key, so a retry of the same outbox row can never send a second email. */
export function idempotencyKeyFor(outboxId: string): string {
  return `outbox-${outboxId}`;
}

function shortError(text: string): string {
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH - 1)}…` : text;
}

async function sendOne(resend: Resend, from: string, row: EmailOutboxRow): Promise<SendResult> {
  try {
    // The SDK reports API and network errors in `error` and only throws on unexpected failures: handle both.
    const { data, error } = await resend.emails.send(
      {
        from,
        to: row.toAddress,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments: row.attachments?.map((file) => ({
          filename: file.filename,
          content: file.contentBase64,
          contentType: file.contentType,
        })),
      },
      { idempotencyKey: idempotencyKeyFor(row.id), signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
    );
    if (error) return { ok: false, error: shortError(`${error.statusCode ?? 'no status'} ${error.name}: ${error.message}`) };
    return { ok: true, providerMessageId: data?.id ?? null };
  } catch (error) {
    return { ok: false, error: shortError(error instanceof Error ? `${error.name}: ${error.message}` : String(error)) };
  }
}

/**
 * Sends the emails that are due, one claim at a time. Safe to run from several places at once
 * (after a response, the cron route, the CLI): each row is claimed by one worker only.
 * Without RESEND_API_KEY it does nothing, and emails wait in the outbox for the dev mailbox.
 */
export async function deliverDueEmails({ limit = 25, now }: DeliverOptions = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  const { resendApiKey, mailFrom } = env();
  if (!resendApiKey) return counts;

  const db = await getDb();
  const clock = outboxClock(now);
  const claimed = await claimDueEmails(db, clock, limit);
  if (claimed.length === 0) return counts;

  const resend = createResendClient(resendApiKey);
  const startedAt = Date.now();
  for (const [index, row] of claimed.entries()) {
    if (Date.now() - startedAt > START_SENDS_WITHIN_MS) {
      await releaseClaims(db, claimed.slice(index).map((rest) => rest.id));
      break;
    }
    const result = await sendOne(resend, mailFrom, row);
    if (result.ok) {
      await recordSent(db, clock, row.id, result.providerMessageId);
      counts.sent += 1;
    } else if ((await recordFailure(db, clock, row, result.error)) === 'failed') {
      counts.failed += 1;
    } else {
      counts.retried += 1;
    }
  }
  return counts;
}
