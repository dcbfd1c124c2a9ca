import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePostalCode } from '@/lib/members/normalize';

const FIRST_LETTERS = 'ABCEGHJKLMNPRSTVXY';
const OTHER_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';
const letter = (alphabet: string) => fc.constantFrom(...alphabet.split(''));
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const canadianPostalCode = fc
  .tuple(letter(FIRST_LETTERS), digit, letter(OTHER_LETTERS), digit, letter(OTHER_LETTERS), digit)
  .map((parts) => `${parts.slice(0, 3).join('')} ${parts.slice(3).join('')}`);

describe('normalizePostalCode', () => {
  it('normalizes Canadian postal codes to A1A 1A1', () => {
    expect(normalizePostalCode('h2x1y4', 'CA')).toEqual({ ok: true, value: 'H2X 1Y4' });
    expect(normalizePostalCode(' H2X-1Y4 ', 'CA')).toEqual({ ok: true, value: 'H2X 1Y4' });
    expect(normalizePostalCode('k1p 5k7', 'ca')).toEqual({ ok: true, value: 'K1P 5K7' });
  });

  it('refuses what Canada Post does not issue', () => {
    for (const value of ['H2X1Y', 'H2X1Y44', 'D2X 1Y4', 'W2X 1Y4', 'H2O 1Y4', '12345', 'H2X 1Y4 5']) {
      const result = normalizePostalCode(value, 'CA');
      expect(result.ok, value).toBe(false);
    }
    expect(normalizePostalCode('   ', 'CA')).toEqual({ ok: false, reason: 'is empty' });
  });

  it('keeps other countries as trimmed free text, length-limited', () => {
    expect(normalizePostalCode(' 75011 ', 'FR')).toEqual({ ok: true, value: '75011' });
    expect(normalizePostalCode('SW1A   1AA', 'GB')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(normalizePostalCode('x'.repeat(21), 'US').ok).toBe(false);
    expect(normalizePostalCode('12\u000034', 'US').ok).toBe(false);
  });

  it('property: any spelling of a valid code normalizes to the canonical one', () => {
    fc.assert(
      fc.property(
        canadianPostalCode,
        fc.constantFrom('', ' ', '-', '  '),
        fc.boolean(),
        fc.constantFrom('', ' ', '\t'),
        (canonical, separator, lower, padding) => {
          let spelled = canonical.replace(' ', separator);
          if (lower) spelled = spelled.toLowerCase();
          expect(normalizePostalCode(`${padding}${spelled}${padding}`, 'CA')).toEqual({ ok: true, value: canonical });
        },
      ),
    );
  });

  it('property: never throws, and what it returns is canonical and a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.constantFrom('CA', 'US', 'FR'), (value, country) => {
        const result = normalizePostalCode(value, country);
        if (!result.ok) return;
        if (country === 'CA') expect(result.value).toMatch(/^[A-Z]\d[A-Z] \d[A-Z]\d$/);
        expect(normalizePostalCode(result.value, country)).toEqual(result);
      }),
    );
  });
});

describe('normalizePhone', () => {
  it('formats Canadian numbers written locally as E.164', () => {
    expect(normalizePhone('(514) 555-0123')).toEqual({ ok: true, value: '+15145550123' });
    expect(normalizePhone('514.555.0123')).toEqual({ ok: true, value: '+15145550123' });
    expect(normalizePhone('1-514-555-0123')).toEqual({ ok: true, value: '+15145550123' });
    expect(normalizePhone('+1 613 555 0110')).toEqual({ ok: true, value: '+16135550110' });
  });

  it('reads a local number with the default country given', () => {
    expect(normalizePhone('01 42 68 53 00', 'FR')).toEqual({ ok: true, value: '+33142685300' });
    expect(normalizePhone('+33 1 42 68 53 00')).toEqual({ ok: true, value: '+33142685300' });
  });

  it('refuses invalid numbers and extensions with a reason', () => {
    for (const value of ['123', '555-0123', '+1 514 123 4567', 'not a phone', '514 555 012', '']) {
      const result = normalizePhone(value);
      expect(result.ok, value).toBe(false);
      if (!result.ok) expect(result.reason).not.toBe('');
    }
    expect(normalizePhone('514-555-0123 ext. 12')).toMatchObject({ ok: false, reason: expect.stringContaining('extension') });
  });

  it('property: any punctuation of a valid number gives the same E.164', () => {
    const areaCodes = ['204', '250', '306', '403', '416', '418', '438', '450', '514', '519', '604', '613', '705', '819', '902'];
    fc.assert(
      fc.property(
        fc.constantFrom(...areaCodes),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('', ' ', '-', '.'),
        fc.boolean(),
        fc.constantFrom('', '1 ', '+1 ', '1-'),
        (area, last, separator, parentheses, prefix) => {
          const line = `01${String(last).padStart(2, '0')}`;
          const spelled = `${prefix}${parentheses ? `(${area})` : area}${separator}555${separator}${line}`;
          expect(normalizePhone(spelled)).toEqual({ ok: true, value: `+1${area}555${line}` });
        },
      ),
    );
  });

  it('property: never throws, and a result is E.164 and a fixed point', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^\+?[0-9 ()-]{0,16}$/)), (value) => {
        const result = normalizePhone(value);
        if (!result.ok) return;
        expect(result.value).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normalizePhone(result.value)).toEqual(result);
      }),
    );
  });
});
