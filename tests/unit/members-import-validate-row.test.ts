import { describe, expect, it } from 'vitest';
import { createRowValidator } from '@/lib/members/import/validate-row';

const validate = createRowValidator({ categories: new Set(['FULL', 'FIRST_JUMP', 'HONORARY']), today: '2026-05-01' });

const base = { cspa_number: '30001', first_name: 'Hélène', last_name: 'Côté-Bélanger', email: 'helene@example.org' };

function reasons(record: Record<string, string>, existingCountry?: string): string[] {
  const result = validate(record, existingCountry);
  return result.ok ? [] : result.reasons;
}

describe('validateRow', () => {
  it('normalizes a complete row', () => {
    const result = validate({
      ...base,
      email: '  Helene@Example.org ',
      preferred_language: 'Anglais',
      date_of_birth: '23/11/1975',
      phone: '(514) 555-0142',
      address_line1: '350, boulevard René-Lévesque Ouest',
      address_line2: 'App. 12\nEntrée par la ruelle',
      city: 'Montréal',
      province: 'Québec',
      postal_code: 'h2z1a6',
      country: 'ca',
      category: 'first_jump',
      membership_expires_on: '2027-03-31',
    });
    expect(result).toEqual({
      ok: true,
      member: {
        cspaNumber: '30001',
        firstName: 'Hélène',
        lastName: 'Côté-Bélanger',
        email: 'Helene@Example.org',
        preferredLanguage: 'en',
        dateOfBirth: '1975-11-23',
        phone: '+15145550142',
        addressLine1: '350, boulevard René-Lévesque Ouest',
        addressLine2: 'App. 12, Entrée par la ruelle',
        city: 'Montréal',
        province: 'QC',
        postalCode: 'H2Z 1A6',
        country: 'CA',
        categoryCode: 'FIRST_JUMP',
        membershipExpiresOn: '2027-03-31',
      },
    });
  });

  it('gives only the columns of the file; an empty cell clears a field, or leaves a defaulted one out', () => {
    expect(validate({ ...base, phone: '', preferred_language: '', country: ' ', category: '' })).toEqual({
      ok: true,
      member: { cspaNumber: '30001', firstName: 'Hélène', lastName: 'Côté-Bélanger', email: 'helene@example.org', phone: null },
    });
  });

  it('accepts the language spellings of the old system', () => {
    for (const [value, language] of [
      ['fr', 'fr'],
      ['Français', 'fr'],
      ['french', 'fr'],
      ['EN', 'en'],
      ['english', 'en'],
      ['anglais', 'en'],
    ]) {
      expect(validate({ ...base, preferred_language: value! }), value).toMatchObject({ ok: true, member: { preferredLanguage: language } });
    }
    expect(reasons({ ...base, preferred_language: 'es' })).toEqual(['preferred_language: "es" is not a language (fr or en)']);
  });

  it('keeps CSPA numbers exactly as given, digits only', () => {
    expect(validate({ ...base, cspa_number: '000123' })).toMatchObject({ ok: true, member: { cspaNumber: '000123' } });
    for (const value of ['12a45', '12 345', '-1', '12345678901', '1.5']) {
      expect(reasons({ ...base, cspa_number: value }), value).toEqual([`cspa_number: "${value}" must be 1 to 10 digits`]);
    }
  });

  it('lists every problem of a row at once', () => {
    expect(
      reasons({
        cspa_number: '',
        first_name: 'Ann\u202Eegrob',
        last_name: 'x'.repeat(101),
        email: 'not-an-email',
        date_of_birth: '03/04/1990',
        phone: '555-0123',
        membership_expires_on: '31/02/2027',
        category: 'GOLD',
      }),
    ).toEqual([
      'cspa_number: is required',
      'first_name: contains bidirectional override characters',
      'last_name: is longer than 100 characters',
      'email: "not-an-email" is not a valid email address',
      expect.stringMatching(/^date_of_birth: "03\/04\/1990" is ambiguous/),
      'phone: "555-0123" is not a valid phone number',
      'category: "GOLD" is not a membership category (known: FULL, FIRST_JUMP, HONORARY)',
      'membership_expires_on: "31/02/2027" is not a real date (dates with slashes are read as DD/MM/YYYY)',
    ]);
  });

  it('refuses control characters in names and over-long address lines', () => {
    expect(reasons({ ...base, first_name: 'Jean\nPaul' })).toEqual(['first_name: contains control characters (line breaks, tabs…)']);
    expect(reasons({ ...base, last_name: 'Nul\u0000' })).toHaveLength(1);
    expect(reasons({ ...base, address_line1: 'a'.repeat(201) })).toEqual(['address_line1: is longer than 200 characters']);
    expect(reasons({ ...base, city: 'Montréal\u202E' })).toEqual(['city: contains bidirectional override characters']);
  });

  it('refuses birth dates in the future', () => {
    expect(reasons({ ...base, date_of_birth: '2026-05-02' })).toEqual(['date_of_birth: 2026-05-02 is in the future']);
  });

  it('checks province and postal code against the row country, else the member’s, else Canada', () => {
    expect(validate({ ...base, province: 'Colombie-Britannique' })).toMatchObject({ ok: true, member: { province: 'BC' } });
    expect(validate({ ...base, province: 'ile-du-prince-edouard' })).toMatchObject({ ok: true, member: { province: 'PE' } });
    expect(reasons({ ...base, province: 'Bavaria' })).toHaveLength(1);
    expect(reasons({ ...base, postal_code: '75011' })).toHaveLength(1);
    expect(validate({ ...base, country: 'FR', province: 'Île-de-France', postal_code: '75011', phone: '01 42 68 53 00' })).toMatchObject({
      ok: true,
      member: { province: 'Île-de-France', postalCode: '75011', phone: '+33142685300', country: 'FR' },
    });
    // A member already in France keeps being checked as such when the file has no country column.
    expect(validate({ ...base, postal_code: '75011' }, 'FR')).toMatchObject({ ok: true, member: { postalCode: '75011' } });
    expect(reasons({ ...base, country: 'Canada', postal_code: '75011' })).toEqual([
      'country: "Canada" is not a two-letter ISO country code (CA, US, FR…)',
    ]);
  });
});
