import { describe, expect, it } from 'vitest';
import { formatText, pluralText } from '@/lib/email/format';

describe('filling email wording', () => {
  it('replaces every placeholder', () => {
    expect(formatText('Bonjour {firstName}, {firstName}!', { firstName: 'Sally' })).toBe('Bonjour Sally, Sally!');
  });

  it('refuses to leave a placeholder unfilled', () => {
    expect(() => formatText('Bonjour {firstName},', {})).toThrow(/firstName/);
  });

  it('chooses the plural the way each language does', () => {
    const forms = { one: '{count} minute', other: '{count} minutes' };
    expect(pluralText('fr', 0, forms)).toBe('0 minute');
    expect(pluralText('fr', 1, forms)).toBe('1 minute');
    expect(pluralText('fr', 30, forms)).toBe('30 minutes');
    expect(pluralText('en', 0, forms)).toBe('0 minutes');
    expect(pluralText('en', 1, forms)).toBe('1 minute');
  });
});
