import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { groupChoices } from '@/lib/renewal/overview';
import { getDateFormatter } from '@/app/ui/dates';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { RenewForm } from '@/app/ui/renewal/renew-form';
import { RenewalSummary } from '@/app/ui/renewal/renewal-summary';
import { invoiceFromLink } from './load';

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<{ cancelled?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Renewal' });
  return { title: t('pageTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** The invoice from an emailed link: shows it and lets the member pay it, without signing in. */
export default async function InvoiceLinkPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const view = await invoiceFromLink(token);
  const { cancelled } = await searchParams;
  const t = await getTranslations('Renewal');
  const longDate = await getDateFormatter();
  const { invoice, member } = view;

  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-800">{t('invoiceTitle', { number: invoice.number })}</h1>
        <p className="text-slate-700">{t('invoiceFor', { name: `${member.firstName} ${member.lastName}`, cspaNumber: member.cspaNumber })}</p>
      </div>
      {cancelled && invoice.status === 'open' ? <FormAlert tone="info">{t('cancelled')}</FormAlert> : null}
      {invoice.status === 'paid' ? (
        <FormAlert tone="success">
          {t('invoicePaidText', { paidOn: longDate(invoice.paidAt!.toISOString().slice(0, 10)), newExpiresOn: longDate(invoice.newExpiresOn!) })}
        </FormAlert>
      ) : null}
      {invoice.status === 'void' ? <FormAlert tone="error">{t('invoiceVoidText')}</FormAlert> : null}
      {invoice.status === 'open' ? (
        <>
          <RenewalSummary
            categoryName={locale === 'fr' ? view.categoryName.fr : view.categoryName.en}
            totalCents={invoice.totalCents}
            currency={invoice.currency}
            currentExpiresOn={invoice.renewsExpiryOn}
            newExpiresOn={view.newExpiresOn}
            invoiceNumber={invoice.number}
          />
          <InvoiceLinkForm token={token} memberId={member.id} membershipYear={view.membershipYear} />
        </>
      ) : null}
      {/* A plain link: a file, not a page for the client router. */}
      <a href={`/${locale}/invoice/${token}/pdf`} className="inline-block text-brand-700 underline">
        {invoice.status === 'paid' ? t('downloadReceipt') : t('downloadInvoice')}
      </a>
    </div>
  );
}

async function InvoiceLinkForm({ token, memberId, membershipYear }: { token: string; memberId: string; membershipYear: number }) {
  const choices = await groupChoices(memberId);
  return (
    <ClientMessages namespaces={['Renewal', 'Forms']}>
      <RenewForm invoiceLink={decodeURIComponent(token)} groups={choices.groups} preselected={choices.preselected} membershipYear={membershipYear} />
    </ClientMessages>
  );
}
