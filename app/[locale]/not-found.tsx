import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function LocaleNotFound() {
  const t = await getTranslations('NotFound');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t('title')}</h1>
      <p>{t('text')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('home')}
      </Link>
    </div>
  );
}
