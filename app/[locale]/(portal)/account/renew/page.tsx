import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { requireMember } from '@/lib/auth/current-member';
import { getRenewalOverview, groupChoices } from '@/lib/renewal/overview';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { RenewForm } from '@/app/ui/renewal/renew-form';
import { RenewalSummary } from '@/app/ui/renewal/renewal-summary';
import { RenewalPanel } from '../_profile/renewal-panel';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Renewal' });
  return { title: t('pageTitle') };
}

/** Opening this page changes nothing: the invoice is created by the POST that proceeds to payment. */
export default async function RenewPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const member = await requireMember('/account/renew');
  const [overview, choices] = await Promise.all([getRenewalOverview(member.id), groupChoices(member.id)]);
  if (!overview) notFound();
  const t = await getTranslations('Renewal');
  const { quote, member: renewing } = overview;

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t('pageTitle')}</h1>
      {quote ? (
        <>
          <RenewalSummary
            categoryName={locale === 'fr' ? renewing.category.nameFr : renewing.category.nameEn}
            totalCents={overview.openInvoice?.totalCents ?? quote.totalCents}
            currency={overview.openInvoice?.currency ?? quote.currency}
            currentExpiresOn={quote.renewsExpiryOn}
            newExpiresOn={quote.newExpiresOn}
            invoiceNumber={overview.openInvoice?.number ?? null}
          />
          <ClientMessages namespaces={['Renewal', 'Forms']}>
            <RenewForm groups={choices.groups} preselected={choices.preselected} membershipYear={quote.membershipYear} />
          </ClientMessages>
        </>
      ) : (
        <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <RenewalPanel overview={overview} />
        </section>
      )}
      <Link href="/account" className="text-brand-700 underline">
        {t('backToProfile')}
      </Link>
    </div>
  );
}
