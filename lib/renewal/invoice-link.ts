import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/i18n/urls';
import type { Locale } from '@/lib/i18n/routing';

/**
 * The pay link in invoice emails: invoice id (22 characters), expiry (7, base 36) and HMAC (43), joined
 * without a separator: a dot would make the proxy take the path for a file and skip it. Signed with a key derived from
 * AUTH_SECRET. It opens that one invoice without signing in, and stops working when the invoice's
 * payable period ends (the expiry is part of what is signed, so it cannot be extended by editing it).
 */

const ID_LENGTH = 22;
const EXPIRY_LENGTH = 7;
const SIGNATURE_LENGTH = 43;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signingKey(): Buffer {
  return createHmac('sha256', env().authSecret).update('cspa-invoice-link-v1').digest();
}

function signature(invoiceId: string, expiresAtSeconds: number): Buffer {
  return createHmac('sha256', signingKey()).update(`${invoiceId}.${expiresAtSeconds}`).digest();
}

export function invoiceLinkToken(invoiceId: string, payableUntil: Date): string {
  const expires = Math.floor(payableUntil.getTime() / 1000);
  const id = Buffer.from(invoiceId.replaceAll('-', ''), 'hex').toString('base64url');
  return `${id}${expires.toString(36).padStart(EXPIRY_LENGTH, '0')}${signature(invoiceId, expires).toString('base64url')}`;
}

export function invoiceLinkUrl(locale: Locale, invoiceId: string, payableUntil: Date): string {
  return absoluteUrl(locale, `/invoice/${invoiceLinkToken(invoiceId, payableUntil)}`);
}

/**
 * Only the one spelling base64url gives: the last character of an encoding also carries a few unused
 * bits, and without this check several links (differing in those bits) would open the same invoice.
 */
function isCanonicalBase64Url(text: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(text) && Buffer.from(text, 'base64url').toString('base64url') === text;
}

/** The invoice id a link names, or null when it is malformed, tampered with or expired. */
export function readInvoiceLinkToken(token: string, now = new Date()): { invoiceId: string; expiresAt: Date } | null {
  if (token.length !== ID_LENGTH + EXPIRY_LENGTH + SIGNATURE_LENGTH) return null;
  const idPart = token.slice(0, ID_LENGTH);
  const expiresPart = token.slice(ID_LENGTH, ID_LENGTH + EXPIRY_LENGTH);
  const signaturePart = token.slice(ID_LENGTH + EXPIRY_LENGTH);
  if (!isCanonicalBase64Url(idPart) || !/^[0-9a-z]+$/.test(expiresPart) || !isCanonicalBase64Url(signaturePart)) return null;
  const hex = Buffer.from(idPart, 'base64url').toString('hex');
  const invoiceId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!UUID.test(invoiceId)) return null;
  const expires = parseInt(expiresPart, 36);
  const given = Buffer.from(signaturePart, 'base64url');
  const expected = signature(invoiceId, expires);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (expires * 1000 <= now.getTime()) return null;
  return { invoiceId, expiresAt: new Date(expires * 1000) };
}
