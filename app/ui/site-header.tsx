import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { LanguageMenu } from './language-menu';
import { AccountMenu } from './account-menu';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations('Header');
  const tLanguage = await getTranslations('LanguageMenu');
  const languageNames = { fr: tLanguage('fr'), en: tLanguage('en') };

  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center gap-2 no-underline">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8 shrink-0">
            <path d="M16 3C8.8 3 3 8.4 3 15h26C29 8.4 23.2 3 16 3Z" fill="#fff" />
            <path d="M3 15l13 12 13-12" fill="none" stroke="#fff" strokeWidth="1.5" />
            <circle cx="16" cy="27" r="2.2" fill="#c8102e" />
          </svg>
          <span className="flex flex-col leading-tight">
            <span className="text-base font-bold">{t('associationShort')}</span>
            <span className="hidden text-xs sm:block">{t('associationName')}</span>
          </span>
        </Link>
        <div className="flex items-center gap-1">
          <LanguageMenu
            current={locale}
            label={tLanguage('label')}
            summary={tLanguage('current', { language: languageNames[locale] })}
            languageNames={languageNames}
          />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
