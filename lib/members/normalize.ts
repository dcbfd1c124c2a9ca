import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalizers for member contact fields, shared by the old-system import and profile editing.
 * Both take the value as typed (callers decide what an empty value means before calling) and
 * return the canonical form to store, or a reason fit to show next to the field.
 */

export type NormalizeResult = { ok: true; value: string } | { ok: false; reason: string };

/** Longest postal code kept for a country other than Canada (free text there). */
export const MAX_FOREIGN_POSTAL_CODE_LENGTH = 20;

// Canada Post: no D, F, I, O, Q or U anywhere, no W or Z in first position.
const CANADIAN_POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** "h2x1y4", "H2X-1Y4", " h2x 1y4 " → "H2X 1Y4" for Canada; trimmed free text for other countries. */
export function normalizePostalCode(value: string, country: string): NormalizeResult {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  if (country.trim().toUpperCase() === 'CA') {
    const compact = trimmed.toUpperCase().replace(/[\s-]+/g, '');
    const match = CANADIAN_POSTAL_CODE.exec(compact);
    if (!match) return { ok: false, reason: `"${trimmed}" is not a Canadian postal code (expected the form A1A 1A1)` };
    return { ok: true, value: `${match[1]} ${match[2]}` };
  }
  const collapsed = trimmed.replace(/\s+/g, ' ');
  if (CONTROL_CHARACTERS.test(collapsed)) return { ok: false, reason: 'contains control characters' };
  if (collapsed.length > MAX_FOREIGN_POSTAL_CODE_LENGTH) {
    return { ok: false, reason: `is longer than ${MAX_FOREIGN_POSTAL_CODE_LENGTH} characters` };
  }
  return { ok: true, value: collapsed };
}

/** Parses a phone number as written locally ("514 555-0123") or internationally ("+33 1 23 45 67 89") into E.164. */
export function normalizePhone(value: string, defaultCountry: string = 'CA'): NormalizeResult {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  const country = defaultCountry.trim().toUpperCase();
  const fallback: CountryCode = isSupportedCountry(country) ? country : 'CA';
  if (trimmed.length > 40 || CONTROL_CHARACTERS.test(trimmed)) {
    return { ok: false, reason: `"${trimmed.slice(0, 40)}" is not a phone number` };
  }
  const parsed = parsePhoneNumberFromString(trimmed, fallback);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, reason: `"${trimmed}" is not a valid phone number` };
  }
  if (parsed.ext) {
    return { ok: false, reason: `"${trimmed}" has an extension (${parsed.ext}), which cannot be stored` };
  }
  return { ok: true, value: parsed.number };
}
