import { describe, expect, it } from 'vitest';
import { invoiceLinkToken, invoiceLinkUrl, readInvoiceLinkToken } from '@/lib/renewal/invoice-link';

const invoiceId = '0b5f6a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b';
const payableUntil = new Date('2027-01-14T04:59:59.999Z');
const before = new Date('2026-12-01T12:00:00Z');

function flip(token: string, index: number): string {
  const replacement = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe('the signed invoice link', () => {
  it('names its invoice until it expires, in a URL-safe form without dots', () => {
    const token = invoiceLinkToken(invoiceId, payableUntil);
    expect(token).toMatch(/^[A-Za-z0-9_-]{72}$/);
    expect(readInvoiceLinkToken(token, before)).toEqual({ invoiceId, expiresAt: new Date('2027-01-14T04:59:59.000Z') });
    expect(invoiceLinkUrl('en', invoiceId, payableUntil)).toBe(`http://localhost:3000/en/invoice/${token}`);
  });

  it('stops working the second its invoice stops being payable', () => {
    const token = invoiceLinkToken(invoiceId, payableUntil);
    expect(readInvoiceLinkToken(token, new Date('2027-01-14T04:59:58.000Z'))).not.toBeNull();
    expect(readInvoiceLinkToken(token, new Date('2027-01-14T04:59:59.000Z'))).toBeNull();
  });

  it('refuses any change: another invoice, a later expiry, a forged signature, truncation', () => {
    const token = invoiceLinkToken(invoiceId, payableUntil);
    for (const index of [0, 21, 22, 28, 29, 71]) expect(readInvoiceLinkToken(flip(token, index), before)).toBeNull();
    const later = invoiceLinkToken(invoiceId, new Date('2030-01-01T00:00:00Z'));
    expect(readInvoiceLinkToken(token.slice(0, 22) + later.slice(22, 29) + token.slice(29), before)).toBeNull();
    // The last character of each base64url part carries unused bits: a change there only is refused too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const lowBit = (c: string) => alphabet[alphabet.indexOf(c) ^ 1]!;
    for (const index of [21, 71]) {
      expect(readInvoiceLinkToken(token.slice(0, index) + lowBit(token[index]!) + token.slice(index + 1), before)).toBeNull();
    }
    for (const broken of ['', token.slice(0, 71), `${token}A`, token.replace(/^./, '.'), `${token.slice(0, 71)}=`]) {
      expect(readInvoiceLinkToken(broken, before)).toBeNull();
    }
  });
});
