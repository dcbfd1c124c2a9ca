import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { requireMember } from '@/lib/auth/current-member';
import { env } from '@/lib/env';
import { invoicePagePath } from '@/lib/renewal/checkout';
import { listMemberInvoices } from '@/lib/renewal/invoices';
import { formatMoney } from '@/lib/renewal/money';
import { getDateFormatter } from '@/app/ui/dates';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Renewal' });
  return { title: t('invoicesTitle') };
}

const STATUS_LOOK = { open: 'bg-amber-100 text-amber-950', paid: 'bg-green-100 text-green-900', void: 'bg-slate-200 text-slate-800' } as const;

export default async function InvoicesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const member = await requireMember('/account/invoices');
  const invoices = await listMemberInvoices(member.id);
  const t = await getTranslations('Renewal');
  const longDate = await getDateFormatter();
  const now = new Date();

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t('invoicesTitle')}</h1>
      {invoices.length === 0 ? (
        <p>{t('invoicesEmpty', { days: env().renewalWindowDays })}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('invoicesCaption')}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-4 py-3">{t('colNumber')}</th>
                <th scope="col" className="px-4 py-3">{t('colIssued')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('colAmount')}</th>
                <th scope="col" className="px-4 py-3">{t('colStatus')}</th>
                <th scope="col" className="px-4 py-3">{t('colDocument')}</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="border-b border-slate-200 last:border-0">
                  <th scope="row" className="px-4 py-3 font-medium whitespace-nowrap">{invoice.number}</th>
                  <td className="px-4 py-3 whitespace-nowrap">{longDate(invoice.issuedOn)}</td>
                  <td className="px-4 py-3 text-right whitespace-nowrap">{formatMoney(invoice.totalCents, invoice.currency, locale)}</td>
                  <td className="px-4 py-3">
                    <span className={`rounded px-2 py-1 text-sm font-semibold ${STATUS_LOOK[invoice.status]}`}>{t(`statuses.${invoice.status}`)}</span>
                  </td>
                  <td className="px-4 py-3">
                    <div className="flex flex-wrap gap-x-4 gap-y-1">
                      {/* Plain links: files, not pages for the client router to prefetch. */}
                      <a href={`/${locale}/account/invoices/${invoice.number}/pdf`} className="text-brand-700 underline">
                        {t(invoice.status === 'paid' ? 'receiptPdf' : 'invoicePdf', { number: invoice.number })}
                      </a>
                      {invoice.status === 'open' && invoice.payableUntil > now ? (
                        <Link href={invoicePagePath(invoice)} className="font-semibold text-brand-700 underline">
                          {t('payOpenInvoice')}
                        </Link>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Link href="/account" className="text-brand-700 underline">
        {t('backToProfile')}
      </Link>
    </div>
  );
}
