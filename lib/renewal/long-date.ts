import { isValidIsoDate, todayIso } from '@/lib/dates';

export type DateLocale = 'fr' | 'en';

// UTC on both sides: a calendar date must not move a day with the server's time zone.
const LONG_DATE = {
  fr: new Intl.DateTimeFormat('fr-CA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-CA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** « 23 novembre 2026 », « 1er juin 2027 » / "November 23, 2026"; anything not an ISO date is returned as is. */
export function formatLongDate(iso: string, locale: DateLocale): string {
  if (!isValidIsoDate(iso)) return iso;
  return LONG_DATE[locale]
    .formatToParts(new Date(`${iso}T12:00:00Z`))
    .map((part) => (locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/** The calendar day of an instant in the association's time zone, written long. */
export function formatLongDateOfInstant(instant: string, locale: DateLocale): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : formatLongDate(todayIso(date), locale);
}
