import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { members } from '@/db/schema';
import { recordAudit } from '@/lib/audit';

const CARD_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** 128 random bits, URL-safe: short enough for a crisp QR code on a wallet card. */
function newCardToken(): string {
  return randomBytes(16).toString('base64url');
}

export function isWellFormedCardToken(token: string): boolean {
  return CARD_TOKEN.test(token);
}

/** The member's card token, created on first use (a concurrent first use keeps whichever was written first). */
export async function ensureCardToken(db: Executor, memberId: string): Promise<string> {
  const [existing] = await db.select({ token: members.cardToken }).from(members).where(eq(members.id, memberId));
  if (existing?.token) return existing.token;
  await db
    .update(members)
    .set({ cardToken: newCardToken() })
    .where(and(eq(members.id, memberId), isNull(members.cardToken)));
  const [created] = await db.select({ token: members.cardToken }).from(members).where(eq(members.id, memberId));
  if (!created?.token) throw new Error(`No member ${memberId}`);
  return created.token;
}

/** A new token: every card printed before no longer verifies (a lost or copied card). */
export async function rotateCardToken(db: Executor, memberId: string, actor: { memberId: string | null; label: string }): Promise<string> {
  const token = newCardToken();
  await db.transaction(async (tx) => {
    await tx
      .update(members)
      .set({ cardToken: token, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: new Date() })
      .where(eq(members.id, memberId));
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorLabel: actor.label,
      subjectMemberId: memberId,
      action: 'member.card.rotate',
      changes: { cardToken: { old: 'replaced', new: 'new' } },
    });
  });
  return token;
}

export async function findMemberIdByCardToken(db: Executor, token: string): Promise<string | null> {
  if (!isWellFormedCardToken(token)) return null;
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.cardToken, token));
  return row?.id ?? null;
}
