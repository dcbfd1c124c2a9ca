import { z } from 'zod';
import { normalizePhone, normalizePostalCode } from '@/lib/members/normalize';
import { IMPORT_COLUMNS, type MemberField } from './columns';
import {
  MAX_ADDRESS_LINE_LENGTH,
  MAX_CITY_LENGTH,
  parseAddressText,
  parseBirthDate,
  parseCategory,
  parseCountry,
  parseCspaNumber,
  parseEmail,
  parseExpiryDate,
  parseLanguage,
  parseName,
  parseProvince,
  type CellResult,
} from './fields';

/** A row's values, by member field. A field is absent when its column is not in the file (or, for
 * preferred_language, country and category, when the cell is empty); null means "clear it". */
export type ImportedMember = {
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage?: 'fr' | 'en';
  dateOfBirth?: string | null;
  phone?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  city?: string | null;
  province?: string | null;
  postalCode?: string | null;
  country?: string;
  categoryCode?: string;
  membershipExpiresOn?: string | null;
};

export type RowContext = {
  /** Codes of the membership_categories table. */
  categories: ReadonlySet<string>;
  /** YYYY-MM-DD, for refusing birth dates in the future. */
  today: string;
};

/** Validates one record (keyed by header name); existingCountry is the member's current country, if any. */
export type RowValidator = (record: Record<string, string>, existingCountry?: string) => RowValidation;

export type RowValidation = { ok: true; member: ImportedMember } | { ok: false; reasons: string[] };

/** What an empty cell means: an error, a cleared field (null), or "not given" (undefined). */
type WhenEmpty = 'required' | null | undefined;

function cell<T>(read: (value: string) => CellResult<T>, whenEmpty: WhenEmpty) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null | undefined => {
      if (raw === undefined) return undefined;
      const value = raw.trim();
      if (value === '') {
        if (whenEmpty !== 'required') return whenEmpty;
        ctx.addIssue({ code: 'custom', message: 'is required' });
        return z.NEVER;
      }
      const result = read(value);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    });
}

const unchecked = (value: string): CellResult => ({ ok: true, value });

/** country is the row's effective country, or undefined when its country cell is invalid (already reported). */
function rowSchema(context: RowContext, country: string | undefined) {
  return z.object({
    cspa_number: cell(parseCspaNumber, 'required'),
    first_name: cell(parseName, 'required'),
    last_name: cell(parseName, 'required'),
    email: cell(parseEmail, 'required'),
    preferred_language: cell(parseLanguage, undefined),
    date_of_birth: cell((value) => parseBirthDate(value, context.today), null),
    phone: cell((value) => normalizePhone(value, country ?? 'CA'), null),
    address_line1: cell((value) => parseAddressText(value, MAX_ADDRESS_LINE_LENGTH), null),
    address_line2: cell((value) => parseAddressText(value, MAX_ADDRESS_LINE_LENGTH), null),
    city: cell((value) => parseAddressText(value, MAX_CITY_LENGTH), null),
    province: cell(country ? (value) => parseProvince(value, country) : unchecked, null),
    postal_code: cell(country ? (value) => normalizePostalCode(value, country) : unchecked, null),
    country: cell(parseCountry, undefined),
    category: cell((value) => parseCategory(value, context.categories), undefined),
    membership_expires_on: cell(parseExpiryDate, null),
  });
}

/** The country that postal code, province and phone are checked against. */
function effectiveCountry(record: Record<string, string>, existingCountry: string | undefined): string | undefined {
  const cellValue = record.country?.trim() ?? '';
  if (cellValue === '') return existingCountry ?? 'CA';
  const parsed = parseCountry(cellValue);
  return parsed.ok ? parsed.value : undefined;
}

/** Normalizes rows and lists every problem of a row, not just the first. */
export function createRowValidator(context: RowContext): RowValidator {
  const schemas = new Map<string | undefined, ReturnType<typeof rowSchema>>();
  return (record, existingCountry) => {
    const country = effectiveCountry(record, existingCountry);
    let schema = schemas.get(country);
    if (!schema) schemas.set(country, (schema = rowSchema(context, country)));
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      return { ok: false, reasons: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
    }
    const member: Partial<Record<MemberField, unknown>> = {};
    for (const column of IMPORT_COLUMNS) {
      const value = parsed.data[column.name];
      if (value !== undefined) member[column.field] = value;
    }
    return { ok: true, member: member as ImportedMember };
  };
}
