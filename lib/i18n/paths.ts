import { isLocale, type Locale } from './routing';

/** The same page in another language: replaces the locale prefix, keeps the rest of the path. */
export function pathInLocale(pathname: string, locale: Locale): string {
  const [, first = '', ...rest] = pathname.split('/');
  const remainder = isLocale(first) ? rest : [first, ...rest].filter(Boolean);
  return ['', locale, ...remainder].join('/').replace(/\/$/, '') || `/${locale}`;
}
