import { getCountries } from 'libphonenumber-js';
import type { Locale } from '@/lib/i18n/routing';
import { PROVINCE_CODES } from './schemas';

const PROVINCE_NAMES: Record<(typeof PROVINCE_CODES)[number], { fr: string; en: string }> = {
  AB: { fr: 'Alberta', en: 'Alberta' },
  BC: { fr: 'Colombie-Britannique', en: 'British Columbia' },
  MB: { fr: 'Manitoba', en: 'Manitoba' },
  NB: { fr: 'Nouveau-Brunswick', en: 'New Brunswick' },
  NL: { fr: 'Terre-Neuve-et-Labrador', en: 'Newfoundland and Labrador' },
  NS: { fr: 'Nouvelle-Écosse', en: 'Nova Scotia' },
  NT: { fr: 'Territoires du Nord-Ouest', en: 'Northwest Territories' },
  NU: { fr: 'Nunavut', en: 'Nunavut' },
  ON: { fr: 'Ontario', en: 'Ontario' },
  PE: { fr: 'Île-du-Prince-Édouard', en: 'Prince Edward Island' },
  QC: { fr: 'Québec', en: 'Quebec' },
  SK: { fr: 'Saskatchewan', en: 'Saskatchewan' },
  YT: { fr: 'Yukon', en: 'Yukon' },
};

export function provinceNames(locale: Locale): Record<string, string> {
  return Object.fromEntries(PROVINCE_CODES.map((code) => [code, PROVINCE_NAMES[code][locale]]));
}

export function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** Canada first, then every other country by its name in the member's language. */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  const others = getCountries()
    .filter((code) => code !== 'CA')
    .map((code) => ({ code: code as string, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return [{ code: 'CA', name: names.of('CA') ?? 'Canada' }, ...others];
}
