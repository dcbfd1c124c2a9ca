import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** E.164 as members read it: national format at home ("(514) 555-0123"), international otherwise. */
export function displayPhone(e164: string, homeCountry: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}
