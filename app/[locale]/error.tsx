'use client';

import { useTranslations } from 'next-intl';

export default function LocaleError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('Error');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t('title')}</h1>
      <p>{t('text')}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
        {t('retry')}
      </button>
    </div>
  );
}
