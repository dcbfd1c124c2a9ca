import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressSchema, phonesSchema, preferencesSchema } from '@/lib/members/schemas';

const CANADIAN_POSTAL_CODE = /^[A-Z]\d[A-Z] \d[A-Z]\d$/;

const montreal = {
  rowVersion: '3',
  addressLine1: '1234 rue Saint-Denis',
  addressLine2: '',
  city: 'Montréal',
  province: 'QC',
  postalCode: 'h2x1y4',
  country: 'CA',
};

function codesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

describe('addressSchema', () => {
  it('normalizes a Canadian address', () => {
    expect(addressSchema.parse({ ...montreal, city: '  Montréal  ', addressLine1: '1234   rue Saint-Denis ' })).toEqual({
      rowVersion: 3,
      addressLine1: '1234 rue Saint-Denis',
      addressLine2: null,
      city: 'Montréal',
      province: 'QC',
      postalCode: 'H2X 1Y4',
      country: 'CA',
    });
    expect(addressSchema.parse({ ...montreal, postalCode: ' H2X-1Y4 ', country: ' ca ' })).toMatchObject({ postalCode: 'H2X 1Y4', country: 'CA' });
  });

  it('keeps a US address outside Canada, with a free-text postal code', () => {
    expect(
      addressSchema.parse({
        ...montreal,
        addressLine1: '350 Fifth Avenue',
        addressLine2: 'Suite 3',
        city: 'New York',
        province: 'OUTSIDE',
        postalCode: '10118-0110',
        country: 'US',
      }),
    ).toEqual({
      rowVersion: 3,
      addressLine1: '350 Fifth Avenue',
      addressLine2: 'Suite 3',
      city: 'New York',
      province: null,
      postalCode: '10118-0110',
      country: 'US',
    });
    expect(addressSchema.parse({ ...montreal, province: 'OUTSIDE', postalCode: '', country: 'FR' }).postalCode).toBeNull();
  });

  it('keeps province and country consistent', () => {
    expect(codesOf(addressSchema.safeParse({ ...montreal, province: 'OUTSIDE' }))).toEqual({ province: 'provinceRequired' });
    expect(codesOf(addressSchema.safeParse({ ...montreal, province: 'QC', country: 'US', postalCode: '10118' }))).toEqual({
      province: 'provinceOutsideCanada',
    });
    expect(codesOf(addressSchema.safeParse({ ...montreal, province: '' }))).toEqual({ province: 'provinceRequired' });
    expect(codesOf(addressSchema.safeParse({ ...montreal, country: 'XX' }))).toEqual({ country: 'countryUnknown' });
    expect(codesOf(addressSchema.safeParse({ ...montreal, country: null }))).toEqual({ country: 'countryUnknown' });
  });

  it('reports every error at once, cross-field ones included', () => {
    expect(codesOf(addressSchema.safeParse({ ...montreal, rowVersion: null, city: '', postalCode: '12345' }))).toEqual({
      rowVersion: 'conflict',
      city: 'required',
      postalCode: 'postalCodeFormat',
    });
    expect(codesOf(addressSchema.safeParse({ ...montreal, addressLine1: '', province: 'OUTSIDE', country: 'XX' }))).toEqual({
      addressLine1: 'required',
      country: 'countryUnknown',
    });
  });

  it('refuses a Canadian postal code that is missing or malformed', () => {
    expect(codesOf(addressSchema.safeParse({ ...montreal, postalCode: '' }))).toEqual({ postalCode: 'required' });
    expect(codesOf(addressSchema.safeParse({ ...montreal, postalCode: 'D2X 1Y4' }))).toEqual({ postalCode: 'postalCodeFormat' });
    expect(codesOf(addressSchema.safeParse({ ...montreal, postalCode: '90210' }))).toEqual({ postalCode: 'postalCodeFormat' });
  });

  it('requires the first line and the city, and limits lengths', () => {
    expect(codesOf(addressSchema.safeParse({ ...montreal, addressLine1: '   ', city: null }))).toEqual({
      addressLine1: 'required',
      city: 'required',
    });
    const tooLong = addressSchema.safeParse({ ...montreal, addressLine1: 'a'.repeat(201), city: 'b'.repeat(101), postalCode: 'c'.repeat(21) });
    expect(codesOf(tooLong)).toEqual({ addressLine1: 'tooLong', city: 'tooLong', postalCode: 'tooLong' });
    expect(tooLong.error!.issues.find((issue) => issue.path[0] === 'city')).toMatchObject({ maximum: 100 });
    expect(addressSchema.safeParse({ ...montreal, addressLine1: 'a'.repeat(200) }).success).toBe(true);
  });

  it('refuses bidirectional overrides and control characters', () => {
    for (const hidden of ['\u202e', '\u202a', '\u2066', '\u200f', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) {
      const result = addressSchema.safeParse({ ...montreal, addressLine1: `12 rue ${hidden}sevlaV` });
      expect(codesOf(result), JSON.stringify(hidden)).toEqual({ addressLine1: 'hiddenCharacters' });
    }
    expect(codesOf(addressSchema.safeParse({ ...montreal, city: 'Mont\u202eréal' }))).toEqual({ city: 'hiddenCharacters' });
  });

  it('collapses pasted tabs and line breaks into single spaces', () => {
    expect(addressSchema.parse({ ...montreal, addressLine1: '1234 rue\tSaint-Denis\r\n' }).addressLine1).toBe('1234 rue Saint-Denis');
  });

  it('takes markup as plain text and returns it unchanged', () => {
    const markup = '<script>alert(1)</script>';
    const parsed = addressSchema.parse({ ...montreal, addressLine1: markup, addressLine2: '<b>"Apt" & \'2\'</b>', city: '<img src=x onerror=alert(1)>' });
    expect(parsed).toMatchObject({ addressLine1: markup, addressLine2: '<b>"Apt" & \'2\'</b>', city: '<img src=x onerror=alert(1)>' });
  });

  it('answers a missing or unusable rowVersion with the conflict code', () => {
    for (const rowVersion of [null, '', '0', '-1', 'abc', '1.5', '99999999999']) {
      expect(codesOf(addressSchema.safeParse({ ...montreal, rowVersion })), String(rowVersion)).toEqual({ rowVersion: 'conflict' });
    }
  });
});

describe('phonesSchema', () => {
  const phones = (phone: unknown, phoneAlt: unknown = '', country = 'CA') => phonesSchema(country).safeParse({ rowVersion: '1', phone, phoneAlt });

  it('stores numbers in E.164, reading national numbers in the member’s country', () => {
    expect(phones('514 555-0123', '(613) 555-0199').data).toEqual({ rowVersion: 1, phone: '+15145550123', phoneAlt: '+16135550199' });
    expect(phones('+15145550123').data?.phone).toBe('+15145550123');
    expect(phones('+33 1 23 45 67 89').data?.phone).toBe('+33123456789');
    expect(phones('01 23 45 67 89', '', 'FR').data?.phone).toBe('+33123456789');
  });

  it('keeps empty numbers empty', () => {
    expect(phones('', '  ').data).toEqual({ rowVersion: 1, phone: null, phoneAlt: null });
  });

  it('refuses what is not a phone number', () => {
    expect(codesOf(phones('555-01'))).toEqual({ phone: 'phoneFormat' });
    expect(codesOf(phones('514 555-0123', 'call me'))).toEqual({ phoneAlt: 'phoneFormat' });
    expect(codesOf(phones('514 555-0123 ext. 12'))).toEqual({ phone: 'phoneFormat' });
    expect(codesOf(phones('5'.repeat(41)))).toEqual({ phone: 'tooLong' });
    expect(codesOf(phones('514\u202e555-0123'))).toEqual({ phone: 'hiddenCharacters' });
  });
});

describe('preferencesSchema', () => {
  it('reads checked boxes as "on" and absent boxes as off', () => {
    expect(preferencesSchema.parse({ rowVersion: '2', preferredLanguage: 'en', newsEmails: 'on', eventEmails: null })).toEqual({
      rowVersion: 2,
      preferredLanguage: 'en',
      newsEmails: true,
      eventEmails: false,
    });
    expect(preferencesSchema.parse({ rowVersion: '2', preferredLanguage: 'fr' })).toMatchObject({ newsEmails: false, eventEmails: false });
  });

  it('refuses an unknown language or a forged checkbox value with a code', () => {
    expect(codesOf(preferencesSchema.safeParse({ rowVersion: '2', preferredLanguage: 'de' }))).toEqual({ preferredLanguage: 'required' });
    expect(codesOf(preferencesSchema.safeParse({ rowVersion: '2', preferredLanguage: 'fr', newsEmails: 'yes' }))).toEqual({ newsEmails: 'required' });
  });
});

describe('properties', () => {
  const anyValue = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean());

  it('never throws on arbitrary input, and every error is a code', () => {
    const codes = new Set(['required', 'tooLong', 'hiddenCharacters', 'postalCodeFormat', 'provinceRequired', 'provinceOutsideCanada', 'countryUnknown', 'phoneFormat', 'conflict']);
    const expectCodes = (result: { success: boolean; error?: { issues: { message: string }[] } }) => {
      for (const issue of result.error?.issues ?? []) expect(codes).toContain(issue.message);
    };
    fc.assert(
      fc.property(
        fc.record({
          rowVersion: anyValue,
          addressLine1: anyValue,
          addressLine2: anyValue,
          city: anyValue,
          province: fc.oneof(anyValue, fc.constantFrom('QC', 'ON', 'OUTSIDE')),
          postalCode: anyValue,
          country: fc.oneof(anyValue, fc.constantFrom('CA', 'us', 'FR')),
        }),
        (input) => expectCodes(addressSchema.safeParse(input)),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.record({ rowVersion: anyValue, phone: anyValue, phoneAlt: anyValue }), (input) => expectCodes(phonesSchema('CA').safeParse(input))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.record({ rowVersion: anyValue, preferredLanguage: anyValue, newsEmails: anyValue, eventEmails: anyValue }), (input) =>
        expectCodes(preferencesSchema.safeParse(input)),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary objects of arbitrary strings', () => {
    const anyObject = fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(anyObject, (input) => {
        addressSchema.safeParse(input);
        phonesSchema('CA').safeParse(input);
        preferencesSchema.safeParse(input);
      }),
      { numRuns: 2000 },
    );
  });

  it('stores only canonical A1A 1A1 postal codes for Canada', () => {
    // Near-misses as well as noise: mixed case, separators, look-alike letters (ſ, K as Kelvin sign), full-width digits.
    const letter = fc.constantFrom(...'abceghjklmnprstvwxyzABCEGHJKLMNPRSTVWXYZDFIOQU\u017f\u212a'.split(''));
    const digit = fc.constantFrom(...'0123456789\uff11\u0661'.split(''));
    const separator = fc.constantFrom('', ' ', '-', '  ', '\t', ' - ');
    const postalish = fc
      .tuple(letter, digit, letter, separator, digit, letter, digit, fc.constantFrom('', '', '', '1', 'A'))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(postalish, fc.string({ unit: 'binary' })), (postalCode) => {
        const result = addressSchema.safeParse({ ...montreal, postalCode });
        if (result.success) expect(result.data.postalCode).toMatch(CANADIAN_POSTAL_CODE);
      }),
      { numRuns: 5000 },
    );
  });
});
