import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { parseImportDate } from './dates';
import { canadianProvinceCode } from './provinces';

/** Readers for one cell each: the trimmed, non-empty text in; the value to store or a reason out. */
export type CellResult<T = string> = { ok: true; value: T } | { ok: false; reason: string };

export const MAX_NAME_LENGTH = 100;
export const MAX_ADDRESS_LINE_LENGTH = 200;
export const MAX_CITY_LENGTH = 100;
export const MAX_PROVINCE_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional formatting characters can make a name display as something else (U+202E and friends).
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (reason: string): CellResult<never> => ({ ok: false, reason });

function plainText(value: string, max: number): CellResult {
  const text = value.normalize('NFC').replace(/ {2,}/g, ' ');
  if (CONTROL.test(text)) return fail('contains control characters (line breaks, tabs…)');
  if (BIDI_CONTROL.test(text)) return fail('contains bidirectional override characters');
  if (text.length > max) return fail(`is longer than ${max} characters`);
  return ok(text);
}

export function parseCspaNumber(value: string): CellResult {
  return /^\d{1,10}$/.test(value) ? ok(value) : fail(`"${value}" must be 1 to 10 digits`);
}

export function parseName(value: string): CellResult {
  return plainText(value, MAX_NAME_LENGTH);
}

/** Address lines and city: a line break inside the field becomes ", ", tabs become spaces. */
export function parseAddressText(value: string, max: number): CellResult {
  const joined = value
    .split('\n')
    .map((part) => part.replace(/\t/g, ' ').trim())
    .filter((part) => part !== '')
    .join(', ');
  return plainText(joined, max);
}

const emailSchema = z.email().max(MAX_EMAIL_LENGTH);

export function parseEmail(value: string): CellResult {
  return emailSchema.safeParse(value).success ? ok(value) : fail(`"${value}" is not a valid email address`);
}

const LANGUAGES: Record<string, 'fr' | 'en'> = {
  fr: 'fr',
  français: 'fr',
  francais: 'fr',
  french: 'fr',
  en: 'en',
  english: 'en',
  anglais: 'en',
};

export function parseLanguage(value: string): CellResult<'fr' | 'en'> {
  const language = LANGUAGES[value.normalize('NFC').toLowerCase()];
  return language ? ok(language) : fail(`"${value}" is not a language (fr or en)`);
}

export function parseCountry(value: string): CellResult {
  const code = value.toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code)
    ? ok(code)
    : fail(`"${value}" is not a two-letter ISO country code (CA, US, FR…)`);
}

export function parseCategory(value: string, known: ReadonlySet<string>): CellResult {
  const code = value.toUpperCase();
  return known.has(code) ? ok(code) : fail(`"${value}" is not a membership category (known: ${[...known].join(', ')})`);
}

/** In Canada a province code or name (French or English); elsewhere free text. */
export function parseProvince(value: string, country: string): CellResult {
  if (country !== 'CA') return plainText(value, MAX_PROVINCE_LENGTH);
  const code = canadianProvinceCode(value);
  return code ? ok(code) : fail(`"${value}" is not a Canadian province or territory (QC, ON, Québec, Ontario…)`);
}

export function parseBirthDate(value: string, today: string): CellResult {
  const date = parseImportDate(value);
  if (!date.ok) return date;
  if (date.value > today) return fail(`${date.value} is in the future`);
  if (date.value < '1900-01-01') return fail(`${date.value} is before 1900`);
  return date;
}

export function parseExpiryDate(value: string): CellResult {
  const date = parseImportDate(value);
  if (!date.ok) return date;
  if (date.value < '1950-01-01' || date.value > '2199-12-31') return fail(`${date.value} is not a plausible expiry date`);
  return date;
}
