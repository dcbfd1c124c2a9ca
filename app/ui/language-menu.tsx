'use client';

import { usePathname } from 'next/navigation';
import { locales, type Locale } from '@/lib/i18n/routing';
import { pathInLocale } from '@/lib/i18n/paths';

type Props = {
  current: Locale;
  label: string;
  summary: string;
  languageNames: Record<Locale, string>;
};

/**
 * A disclosure built on <details>, so it opens and its links work before (or without) JavaScript.
 * Plain <a> links: switching language reloads the page in the other language, path kept.
 */
export function LanguageMenu({ current, label, summary, languageNames }: Props) {
  const pathname = usePathname() ?? `/${current}`;
  return (
    <details className="group relative">
      <summary
        className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded px-3 py-2 text-sm font-medium hover:bg-brand-700 [&::-webkit-details-marker]:hidden"
        aria-label={summary}
      >
        <span aria-hidden="true">{languageNames[current]}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current transition group-open:rotate-180">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <nav aria-label={label} className="absolute right-0 z-20 mt-1 w-40 rounded-md bg-white py-1 text-slate-900 shadow-lg ring-1 ring-slate-200">
        <ul>
          {locales.map((locale) => (
            <li key={locale}>
              <a
                href={pathInLocale(pathname, locale)}
                hrefLang={locale}
                lang={locale}
                aria-current={locale === current ? 'true' : undefined}
                className="block px-4 py-2 text-sm no-underline hover:bg-brand-50 aria-[current=true]:font-semibold"
              >
                {languageNames[locale]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
