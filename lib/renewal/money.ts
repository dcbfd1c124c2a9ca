export type MoneyLocale = 'fr' | 'en';

const INTL_LOCALES = { fr: 'fr-CA', en: 'en-CA' } as const;
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: MoneyLocale): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An amount in minor units (cents) the way each language writes it: « 115,00 $ » (with U+00A0) and
 * "$115.00". The currency's own number of decimals turns minor units into the amount.
 */
export function formatMoney(cents: number, currency: string, locale: MoneyLocale): string {
  const formatter = currencyFormatter(currency, locale);
  const decimals = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** decimals);
}
