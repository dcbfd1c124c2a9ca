import { getLocale, getTranslations } from 'next-intl/server';
import { todayIso } from '@/lib/dates';
import { formatMoney } from '@/lib/renewal/money';
import { getDateFormatter } from '@/app/ui/dates';

type Props = {
  categoryName: string;
  totalCents: number;
  currency: string;
  currentExpiresOn: string;
  newExpiresOn: string;
  invoiceNumber: string | null;
};

/** Amount and dates before paying: what the member pays, and until when it makes them a member. */
export async function RenewalSummary({ categoryName, totalCents, currency, currentExpiresOn, newExpiresOn, invoiceNumber }: Props) {
  const t = await getTranslations('Renewal');
  const locale = (await getLocale()) as 'fr' | 'en';
  const longDate = await getDateFormatter();
  return (
    <section aria-labelledby="renewal-summary" className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="renewal-summary" className="text-xl font-semibold text-brand-800">
        {t('summaryTitle')}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t('category')}</dt>
        <dd>{categoryName}</dd>
        <dt className="font-medium text-slate-600">{t('amount')}</dt>
        <dd className="text-lg font-semibold" data-testid="renewal-amount">{formatMoney(totalCents, currency, locale)}</dd>
        <dt className="font-medium text-slate-600">{currentExpiresOn < todayIso() ? t('expiredOn') : t('currentExpiry')}</dt>
        <dd>{longDate(currentExpiresOn)}</dd>
        <dt className="font-medium text-slate-600">{t('newExpiry')}</dt>
        <dd className="font-semibold" data-testid="renewal-new-expiry">{longDate(newExpiresOn)}</dd>
        <dt className="font-medium text-slate-600">{t('invoiceNumber')}</dt>
        <dd>{invoiceNumber ?? t('invoiceToCome')}</dd>
      </dl>
    </section>
  );
}
