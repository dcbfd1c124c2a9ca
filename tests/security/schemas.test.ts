import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { changePasswordSchema, identifierSchema, resetPasswordSchema, signInSchema, usernameReminderSchema } from '@/lib/auth/schemas';
import { addressSchema, emailChangeSchema, phonesSchema, preferencesSchema, rowVersionSchema } from '@/lib/members/schemas';
import { createRowValidator } from '@/lib/members/import/validate-row';

/**
 * Every zod schema in lib/ under property tests: whatever a forged form carries, safeParse answers (no
 * exception escapes, every refusal is a code the forms translate), and names and text fields never take
 * control characters or bidirectional overrides (a name that reads backwards on the card or in an email).
 * FC_RUNS sets the runs per property: a few hundred in `npm test`, thousands in long runs (FC_RUNS=5000).
 */

const runs = Number(process.env.FC_RUNS ?? 300);
const options = { numRuns: runs };

// What the forms translate (messages/*.json Forms, PasswordRules and the forms' own namespaces).
const CODES = new Set([
  'required',
  'tooLong',
  'hiddenCharacters',
  'identifierFormat',
  'cspaNumberFormat',
  'conflict',
  'provinceRequired',
  'provinceOutsideCanada',
  'postalCodeFormat',
  'countryUnknown',
  'phoneFormat',
  'emailFormat',
]);

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
// Control characters that are not whitespace (whitespace is folded into a space by the text fields).
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), ...Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i))].filter(
  (c) => !/\s/.test(c),
);
const hidden = fc.constantFrom(...BIDI, ...CONTROLS);
const HIDDEN_IN_OUTPUT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Anything a form post or a JSON body could put in a field. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '0', '-1', '1e999', 'NaN', 'Infinity', '2147483648', '__proto__', 'constructor', 'OUTSIDE', 'CA', 'on', 'true'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** What FormData.get can hand an action: text, nothing, or a file (a multipart part with a filename). */
const formValue = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.constant(null), fc.constant(new File(['x'], 'x.txt')));

/** A valid value with one hidden character slipped in anywhere. */
function withHidden(valid: string) {
  return fc.tuple(fc.nat({ max: valid.length }), hidden).map(([at, character]) => `${valid.slice(0, at)}${character}${valid.slice(at)}`);
}

type Schema = z.ZodType;

function record(fields: string[], value: fc.Arbitrary<unknown> = anyValue) {
  return fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] });
}

const schemas: [string, Schema, string[]][] = [
  ['signInSchema', signInSchema, ['identifier', 'password', 'next']],
  ['identifierSchema', identifierSchema, ['identifier']],
  ['resetPasswordSchema', resetPasswordSchema, ['token', 'password', 'confirmation']],
  ['usernameReminderSchema', usernameReminderSchema, ['cspaNumber', 'lastName']],
  ['changePasswordSchema', changePasswordSchema, ['currentPassword', 'password', 'confirmation']],
  ['addressSchema', addressSchema, ['rowVersion', 'addressLine1', 'addressLine2', 'city', 'province', 'postalCode', 'country']],
  ['phonesSchema(CA)', phonesSchema('CA'), ['rowVersion', 'phone', 'phoneAlt']],
  ['phonesSchema(FR)', phonesSchema('FR'), ['rowVersion', 'phone', 'phoneAlt']],
  ['preferencesSchema', preferencesSchema, ['rowVersion', 'preferredLanguage', 'newsEmails', 'eventEmails']],
  ['emailChangeSchema', emailChangeSchema, ['newEmail', 'currentPassword']],
];

describe('no input makes a schema throw, and every refusal is a translated code', () => {
  for (const [name, schema, fields] of schemas) {
    it(name, () => {
      // Anything at all (a JSON body, a forged reply): safeParse answers, it never throws.
      fc.assert(
        fc.property(fc.oneof(record(fields), anyValue), (input) => {
          expect(() => schema.safeParse(input)).not.toThrow();
        }),
        options,
      );
      // What an action builds from a form post: every refusal is a code the form translates, never Zod's English.
      fc.assert(
        fc.property(record(fields, formValue), (input) => {
          const result = schema.safeParse(input);
          for (const issue of result.success ? [] : result.error.issues) expect(CODES, `${issue.message} for ${JSON.stringify(input)}`).toContain(issue.message);
        }),
        options,
      );
    });
  }

  it('rowVersionSchema', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const result = rowVersionSchema.safeParse(input);
        // What passes fits the 4-byte column.
        if (result.success) expect(Number.isInteger(result.data) && result.data >= 1 && result.data <= 2_147_483_647).toBe(true);
      }),
      options,
    );
  });

  it('the import’s row validator', () => {
    const validate = createRowValidator({ categories: new Set(['FULL', 'HONORARY']), today: '2026-11-23' });
    const columns = ['cspa_number', 'first_name', 'last_name', 'email', 'preferred_language', 'date_of_birth', 'phone', 'address_line1', 'city', 'province', 'postal_code', 'country', 'category'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...columns), fc.string({ maxLength: 120 })), (row) => {
        const result = validate(row);
        expect(typeof result.ok).toBe('boolean');
      }),
      options,
    );
  });
});

describe('names and text fields refuse control characters and bidirectional overrides', () => {
  const address = { rowVersion: '3', addressLine1: '1234 rue Saint-Denis', addressLine2: '', city: 'Montréal', province: 'QC', postalCode: 'H2X 1Y4', country: 'CA' };
  const textFields: [string, Schema, Record<string, string>, string][] = [
    ['address line 1', addressSchema, address, 'addressLine1'],
    ['address line 2', addressSchema, { ...address, addressLine2: 'app. 3' }, 'addressLine2'],
    ['city', addressSchema, address, 'city'],
    ['foreign postal code', addressSchema, { ...address, province: 'OUTSIDE', country: 'FR', postalCode: '75001' }, 'postalCode'],
    ['last name (username reminder)', usernameReminderSchema, { cspaNumber: '12345', lastName: 'Sauteur' }, 'lastName'],
    ['username (forgot password)', identifierSchema, { identifier: 'sally@example.com' }, 'identifier'],
    ['username (sign-in)', signInSchema, { identifier: 'sally@example.com', password: 'x' }, 'identifier'],
    ['new email', emailChangeSchema, { newEmail: 'sally@example.com', currentPassword: 'x' }, 'newEmail'],
    ['phone', phonesSchema('CA'), { rowVersion: '1', phone: '514 555 0123', phoneAlt: '' }, 'phone'],
  ];

  for (const [label, schema, valid, field] of textFields) {
    it(label, () => {
      expect(schema.safeParse(valid).success, `${label}: the valid sample`).toBe(true);
      fc.assert(
        fc.property(withHidden(valid[field]!), (value) => {
          const result = schema.safeParse({ ...valid, [field]: value });
          expect(result.success, `${label} took ${JSON.stringify(value)}`).toBe(false);
        }),
        options,
      );
    });
  }

  it('whitespace controls (tab, line breaks) are folded into spaces, never stored', () => {
    fc.assert(
      fc.property(fc.constantFrom('\t', '\n', '\r', '\v', '\f'), fc.string({ maxLength: 30 }), (space, text) => {
        const result = addressSchema.safeParse({ ...address, city: `Mont${space}réal${text}` });
        if (result.success) expect(result.data.city).not.toMatch(HIDDEN_IN_OUTPUT);
      }),
      options,
    );
  });

  it('the import refuses them in names', () => {
    const validate = createRowValidator({ categories: new Set(['FULL']), today: '2026-11-23' });
    fc.assert(
      fc.property(withHidden('Sauteur'), (name) => {
        const result = validate({ cspa_number: '12345', first_name: name, last_name: 'Sauteur', email: 'sally@example.com' });
        expect(result.ok).toBe(false);
      }),
      options,
    );
  });

  it('the refusal is the hiddenCharacters code, translated in both languages', async () => {
    const fr = (await import('@/messages/fr.json')).default as { Forms: Record<string, string> };
    const en = (await import('@/messages/en.json')).default as { Forms: Record<string, string> };
    expect(fr.Forms.hiddenCharacters).toBeTruthy();
    expect(en.Forms.hiddenCharacters).toBeTruthy();
    const result = usernameReminderSchema.safeParse({ cspaNumber: '12345', lastName: 'Sau\u202eteur' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toContain('hiddenCharacters');
  });
});
