import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getDateFormatter } from '@/app/ui/dates';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { invoiceFromLink } from '../load';

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Renewal' });
  return { title: t('successTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/**
 * Where payment returns. Stripe may send the member back before its webhook arrives: the page then
 * says so and reloads itself every few seconds (no script), until the payment is recorded.
 */
export default async function PaidPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const { invoice } = await invoiceFromLink(token);
  const t = await getTranslations('Renewal');
  const longDate = await getDateFormatter();

  if (invoice.status !== 'paid') {
    return (
      <div className="max-w-xl space-y-4">
        <meta httpEquiv="refresh" content="4" />
        <h1 className="text-3xl font-bold text-brand-800">{t('pendingTitle')}</h1>
        <FormAlert tone="info">{t('pendingText')}</FormAlert>
        <a href={`/${locale}/invoice/${token}/paid`} className="text-brand-700 underline">
          {t('refresh')}
        </a>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{t('successTitle')}</h1>
      <FormAlert tone="success">
        <p className="font-semibold" data-testid="new-expiry">{t('successText', { newExpiresOn: longDate(invoice.newExpiresOn!) })}</p>
        <p>{t('successEmail')}</p>
      </FormAlert>
      <div className="flex flex-wrap items-center gap-4">
        {/* Plain links: files, not pages for the client router to prefetch. */}
        <a href={`/${locale}/account/card`} className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-5 py-2 font-semibold text-white no-underline hover:bg-brand-700">
          {t('downloadCard')}
        </a>
        <a href={`/${locale}/invoice/${token}/pdf`} className="text-brand-700 underline">
          {t('downloadReceipt')}
        </a>
        <Link href="/account" className="text-brand-700 underline">
          {t('backToProfile')}
        </Link>
      </div>
    </div>
  );
}
