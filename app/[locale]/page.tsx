import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const features = ['featureProfile', 'featureCard', 'featureRenew', 'featureRatings'] as const;

  return (
    <div className="space-y-8">
      <section aria-labelledby="home-title" className="space-y-3">
        <h1 id="home-title" className="text-3xl font-bold text-brand-800">
          {t('title')}
        </h1>
        <p className="max-w-prose text-lg">{t('intro')}</p>
      </section>

      <div className="grid gap-4 sm:grid-cols-3">
        <section aria-labelledby="home-sign-in" className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="home-sign-in" className="text-lg font-semibold">{t('signInTitle')}</h2>
          <p className="flex-1">{t('signInText')}</p>
          <Link href="/login" className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700">
            {t('signIn')}
          </Link>
        </section>
        <section aria-labelledby="home-first-time" className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="home-first-time" className="text-lg font-semibold">{t('firstTimeTitle')}</h2>
          <p className="flex-1">{t('firstTimeText')}</p>
          <Link href={{ pathname: '/login', hash: 'first-time' }} className="inline-flex min-h-11 items-center justify-center rounded-md border border-brand-600 px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
            {t('firstTime')}
          </Link>
        </section>
        <section aria-labelledby="home-renew" className="flex flex-col gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="home-renew" className="text-lg font-semibold">{t('renewTitle')}</h2>
          <p className="flex-1">{t('renewText')}</p>
          <Link href="/account/renew" className="inline-flex min-h-11 items-center justify-center rounded-md bg-accent-600 px-4 py-2 font-semibold text-white no-underline hover:bg-red-800">
            {t('renew')}
          </Link>
        </section>
      </div>

      <section aria-labelledby="home-features" className="space-y-2">
        <h2 id="home-features" className="text-xl font-semibold">{t('featuresTitle')}</h2>
        <ul className="list-disc space-y-1 ps-6">
          {features.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
