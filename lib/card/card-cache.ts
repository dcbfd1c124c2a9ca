import 'server-only';
import { createHash } from 'node:crypto';
import type { CardData } from './card-data';
import { renderMembershipCard } from './render-card';

/**
 * The card is a pure function of its data, so the same data gives the same bytes: a member who opens
 * the card twice (or a drop zone's retry) costs one database read, not a new PDF. The data is still read
 * fresh on every request; only unchanged data hits the cache. Bounded, oldest out first.
 */
const MAX_CARDS = 500;
const cards = new Map<string, Uint8Array>();

export async function renderMembershipCardCached(data: CardData): Promise<Uint8Array> {
  const key = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
  const cached = cards.get(key);
  if (cached) return cached;
  const pdf = await renderMembershipCard(data);
  cards.set(key, pdf);
  if (cards.size > MAX_CARDS) cards.delete(cards.keys().next().value!);
  return pdf;
}
