import { describe, expect, it } from 'vitest';
import { checkHeader } from '@/lib/members/import/columns';
import { ImportFileError } from '@/lib/members/import/errors';

const wrongHeader = (names: string[]): string => {
  try {
    checkHeader(names);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error('expected a wrong header');
};

describe('checkHeader', () => {
  it('matches names case-insensitively, trimmed, without a byte order mark', () => {
    expect(checkHeader(['\uFEFFCSPA_Number', ' First_Name ', 'LAST_NAME', 'Email', 'phone'])).toEqual([
      'cspa_number',
      'first_name',
      'last_name',
      'email',
      'phone',
    ]);
  });

  it('names unknown and missing required columns', () => {
    const message = wrongHeader(['cspa_number', 'firstname', 'last_name', 'courriel']);
    expect(message).toMatch(/^Wrong header/);
    expect(message).toContain('unknown columns "firstname", "courriel"');
    expect(message).toContain('missing required columns "first_name", "email"');
  });

  it('refuses duplicated and unnamed columns', () => {
    expect(wrongHeader(['cspa_number', 'first_name', 'last_name', 'email', 'Email'])).toContain('"email" appears twice');
    expect(wrongHeader(['cspa_number', 'first_name', 'last_name', 'email', ''])).toContain('column 5 has no name');
  });

  it('keeps a garbage header readable', () => {
    const garbage = Array.from({ length: 500 }, (_, index) => `\u0001junk${index}${'x'.repeat(100)}`);
    const message = wrongHeader(garbage);
    expect(message).toContain('and 490 more');
    expect(message.length).toBeLessThan(1500);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });
});
