import { describe, expect, it } from 'vitest';
import { pathInLocale } from '@/lib/i18n/paths';

describe('pathInLocale', () => {
  it('swaps the locale prefix and keeps the rest of the path', () => {
    expect(pathInLocale('/fr/account/renew', 'en')).toBe('/en/account/renew');
    expect(pathInLocale('/en/login', 'fr')).toBe('/fr/login');
  });

  it('handles the locale root with or without a trailing slash', () => {
    expect(pathInLocale('/fr', 'en')).toBe('/en');
    expect(pathInLocale('/fr/', 'en')).toBe('/en');
    expect(pathInLocale('/', 'fr')).toBe('/fr');
  });

  it('adds a prefix to a path that has none', () => {
    expect(pathInLocale('/account', 'fr')).toBe('/fr/account');
  });
});
