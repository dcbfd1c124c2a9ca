import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/return-path';
import { parseIdentifier } from '@/lib/auth/identifier';

describe('return path after sign-in', () => {
  it('keeps a path inside the site, without its locale prefix', () => {
    expect(safeReturnPath('/account/renew')).toBe('/account/renew');
    expect(safeReturnPath('/fr/account/renew?invoice=3')).toBe('/account/renew?invoice=3');
    expect(safeReturnPath('/en/account')).toBe('/account');
  });

  it('never points outside the site', () => {
    for (const hostile of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%0d%0aLocation:%20https://evil.example',
      ' /account',
      '',
    ]) {
      expect(safeReturnPath(hostile)).toBe('/account');
    }
    expect(safeReturnPath(undefined)).toBe('/account');
    expect(safeReturnPath(['/account/renew'])).toBe('/account');
  });

  it('does not send a member back to sign-in or to internal routes', () => {
    expect(safeReturnPath('/fr/login?next=/account')).toBe('/account');
    expect(safeReturnPath('/api/cron/outbox')).toBe('/account');
    expect(safeReturnPath('/dev/mailbox')).toBe('/account');
  });
});

describe('sign-in identifier', () => {
  it('reads an email trimmed and lower-cased, or a CSPA number as typed', () => {
    expect(parseIdentifier('  Sally.Sauteur@CSPA.ca ')).toEqual({ kind: 'email', email: 'sally.sauteur@cspa.ca' });
    expect(parseIdentifier(' 012345 ')).toEqual({ kind: 'cspaNumber', cspaNumber: '012345' });
  });

  it('refuses what is neither', () => {
    expect(parseIdentifier('sally')).toBeNull();
    expect(parseIdentifier('12345678901')).toBeNull();
    expect(parseIdentifier('a b@c.d')).toBeNull();
  });
});
