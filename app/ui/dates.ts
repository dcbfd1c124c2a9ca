import { getFormatter } from 'next-intl/server';

/** Calendar dates (YYYY-MM-DD) formatted for the locale, never shifted by the server's time zone. */
export async function getDateFormatter() {
  const format = await getFormatter();
  return (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}
