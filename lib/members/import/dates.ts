import { isValidIsoDate } from '@/lib/dates';

export type DateResult = { ok: true; value: string } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Reads YYYY-MM-DD or DD/MM/YYYY into YYYY-MM-DD. A DD/MM/YYYY date whose day and month are both
 * 12 or less and differ is refused: a US-style export would mean MM/DD, and nothing tells them apart.
 */
export function parseImportDate(raw: string): DateResult {
  const value = raw.trim();
  const iso = ISO.exec(value);
  if (iso) return checked(value, iso[1]!, iso[2]!, iso[3]!);
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) {
    const [, day, month, year] = dayFirst as unknown as [string, string, string, string];
    if (Number(day) <= 12 && Number(month) <= 12 && Number(day) !== Number(month)) {
      return {
        ok: false,
        reason: `"${value}" is ambiguous (day/month or month/day?); write it as YYYY-MM-DD, e.g. ${toIso(year, month, day)} or ${toIso(year, day, month)}`,
      };
    }
    return checked(value, year, month, day, ' (dates with slashes are read as DD/MM/YYYY)');
  }
  return { ok: false, reason: `"${value}" is not a date in the form YYYY-MM-DD or DD/MM/YYYY` };
}

function checked(value: string, year: string, month: string, day: string, hint = ''): DateResult {
  const iso = toIso(year, month, day);
  if (!isValidIsoDate(iso)) return { ok: false, reason: `"${value}" is not a real date${hint}` };
  return { ok: true, value: iso };
}

function toIso(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
