import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { stripeClient } from '@/lib/payments/stripe';
import { formatMoney } from '@/lib/renewal/money';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { DemoPaymentForm } from '@/app/ui/renewal/demo-payment-form';
import { invoiceFromLink } from '../load';

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Renewal' });
  return { title: t('demoTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** Stands in for Stripe Checkout in local use only: with STRIPE_SECRET_KEY set, this page does not exist. */
export default async function DemoPaymentPage({ params }: Props) {
  if (stripeClient()) notFound();
  const { locale, token } = await params;
  setRequestLocale(locale);
  const view = await invoiceFromLink(token);
  const t = await getTranslations('Renewal');
  const { invoice } = view;
  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{t('demoTitle')}</h1>
      <div className="rounded-md border-2 border-dashed border-amber-600 bg-amber-50 px-4 py-3 font-medium text-amber-950">{t('demoNotice')}</div>
      <p className="text-lg">
        {t('invoiceTitle', { number: invoice.number })} · <strong>{formatMoney(invoice.totalCents, invoice.currency, (await getLocale()) as Locale)}</strong>
      </p>
      {invoice.status === 'open' ? (
        <ClientMessages namespaces={['Renewal', 'Forms']}>
          <DemoPaymentForm invoiceLink={decodeURIComponent(token)} />
        </ClientMessages>
      ) : (
        <FormAlert tone="error">{t(invoice.status === 'paid' ? 'errors.invoicePaid' : 'errors.invoiceVoid')}</FormAlert>
      )}
    </div>
  );
}
