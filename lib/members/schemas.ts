import { getCountries } from 'libphonenumber-js';
import { z } from 'zod';
import { hasHiddenCharacters } from '@/lib/hidden-characters';
import { normalizePhone, normalizePostalCode } from './normalize';
import { OUTSIDE_CANADA, PROVINCE_CODES } from './province-codes';

/**
 * Profile edits, validated on the server (the browser only gets HTML constraints: these rules pull in
 * phone metadata far too large to ship). Messages are codes the forms translate.
 */

export { OUTSIDE_CANADA, PROVINCE_CODES };
export const COUNTRY_CODES = getCountries() as string[];

const text = (max: number) =>
  z
    .string({ message: 'required' })
    .transform((value) => value.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().max(max, 'tooLong'))
    .refine((value) => !hasHiddenCharacters(value), 'hiddenCharacters');

const requiredText = (max: number) => text(max).refine((value) => value.length > 0, 'required');

// The column is a 4-byte integer: a forged huge value must read as a conflict, not reach the database.
export const rowVersionSchema = z.coerce.number({ message: 'conflict' }).int('conflict').min(1, 'conflict').max(2_147_483_647, 'conflict');

const CROSS_CHECKED_FIELDS = ['province', 'postalCode', 'country'];

export const addressSchema = z
  .object({
    rowVersion: rowVersionSchema,
    addressLine1: requiredText(200),
    addressLine2: text(200),
    city: requiredText(100),
    province: z.enum([...PROVINCE_CODES, OUTSIDE_CANADA], { message: 'provinceRequired' }),
    postalCode: text(20),
    country: z.string({ message: 'countryUnknown' }).trim().toUpperCase().pipe(z.enum(COUNTRY_CODES as [string, ...string[]], { message: 'countryUnknown' })),
  })
  // Runs even when another field failed (as long as the three fields it reads are valid), so the member
  // sees every error at once instead of discovering the postal code error only after fixing the city.
  .superRefine(
    (address, context) => {
      if (address.country === 'CA' && address.province === OUTSIDE_CANADA) {
        context.addIssue({ code: 'custom', path: ['province'], message: 'provinceRequired' });
      }
      if (address.country !== 'CA' && address.province !== OUTSIDE_CANADA) {
        context.addIssue({ code: 'custom', path: ['province'], message: 'provinceOutsideCanada' });
      }
      if (address.postalCode !== '') {
        if (!normalizePostalCode(address.postalCode, address.country).ok) {
          context.addIssue({ code: 'custom', path: ['postalCode'], message: address.country === 'CA' ? 'postalCodeFormat' : 'tooLong' });
        }
      } else if (address.country === 'CA') {
        context.addIssue({ code: 'custom', path: ['postalCode'], message: 'required' });
      }
    },
    {
      when: (payload) =>
        payload.issues.every((issue) => issue.path !== undefined && issue.path.length > 0 && !CROSS_CHECKED_FIELDS.includes(String(issue.path[0]))),
    },
  )
  .transform((address) => {
    const postalCode = address.postalCode === '' ? null : normalizePostalCode(address.postalCode, address.country);
    return {
      rowVersion: address.rowVersion,
      addressLine1: address.addressLine1,
      addressLine2: address.addressLine2 === '' ? null : address.addressLine2,
      city: address.city,
      province: address.province === OUTSIDE_CANADA ? null : address.province,
      postalCode: postalCode?.ok ? postalCode.value : null,
      country: address.country,
    };
  });

const optionalPhone = text(40);

/** Phones are stored in E.164; numbers without a country code are read in the member's country. */
export function phonesSchema(defaultCountry: string) {
  return z
    .object({ rowVersion: rowVersionSchema, phone: optionalPhone, phoneAlt: optionalPhone })
    .transform((phones, context) => {
      const normalize = (field: 'phone' | 'phoneAlt') => {
        if (phones[field] === '') return null;
        const result = normalizePhone(phones[field], defaultCountry);
        if (result.ok) return result.value;
        context.addIssue({ code: 'custom', path: [field], message: 'phoneFormat' });
        return null;
      };
      return { rowVersion: phones.rowVersion, phone: normalize('phone'), phoneAlt: normalize('phoneAlt') };
    });
}

// Unchecked boxes are absent from the form data (null from FormData.get, a missing key in an object).
// Any other value is a forged request: refused with a code, never Zod's English message.
const checkbox = z
  .union([z.literal('on'), z.literal('true')], { message: 'required' })
  .nullish()
  .transform((value) => value === 'on' || value === 'true');

export const preferencesSchema = z.object({
  rowVersion: rowVersionSchema,
  preferredLanguage: z.enum(['fr', 'en'], { message: 'required' }),
  newsEmails: checkbox,
  eventEmails: checkbox,
});

export const emailChangeSchema = z.object({
  newEmail: z
    .string({ message: 'required' })
    .trim()
    .min(1, 'required')
    .max(254, 'tooLong')
    .pipe(z.email({ message: 'emailFormat' })),
  currentPassword: z.string({ message: 'required' }).min(1, 'required').max(1024, 'tooLong'),
});

export type AddressInput = z.output<typeof addressSchema>;
export type PhonesInput = z.output<ReturnType<typeof phonesSchema>>;
export type PreferencesInput = z.output<typeof preferencesSchema>;
