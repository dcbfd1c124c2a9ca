import { getLocale, getTranslations } from 'next-intl/server';
import { contactAddresses, mailtoWithCspaNumber } from '@/lib/contact';
import { Link } from '@/lib/i18n/navigation';
import { formatMoney } from '@/lib/renewal/money';
import type { RenewalOverview } from '@/lib/renewal/overview';
import { getDateFormatter } from '@/app/ui/dates';

/** The renewal state in plain words, and « Renouveler maintenant » whenever renewal is possible. */
export async function RenewalPanel({ overview }: { overview: RenewalOverview }) {
  const t = await getTranslations('Renewal');
  const locale = (await getLocale()) as 'fr' | 'en';
  const longDate = await getDateFormatter();
  const { officeEmail } = contactAddresses();
  const { stage, openInvoice, recentPayment, member } = overview;
  const office = (chunks: React.ReactNode) => (
    <a href={mailtoWithCspaNumber(officeEmail, t('panelTitle'), member.cspaNumber)} className="text-brand-700 underline">
      {chunks}
    </a>
  );

  const lines: React.ReactNode[] = [];
  if (recentPayment) {
    lines.push(t('paymentReceived', { paidOn: longDate(recentPayment.paidOn), newExpiresOn: longDate(recentPayment.newExpiresOn) }));
  }
  switch (stage.stage) {
    case 'office':
      lines.push(t.rich(stage.reason === 'category' ? 'officeCategory' : 'officeNoMembership', { officeEmail, cspaNumber: member.cspaNumber, office }));
      break;
    case 'notYetOpen':
      if (!recentPayment) lines.push(t('windowNotOpen', { opensOn: longDate(stage.opensOn), days: overview.windowDays }));
      break;
    case 'open':
      lines.push(stage.daysLeft === 0 ? t('windowOpenToday') : t('windowOpen', { expiresOn: longDate(stage.expiresOn) }));
      break;
    case 'expired':
      lines.push(t('expiredCanRenew', { expiredOn: longDate(stage.expiredOn) }));
      break;
  }
  if (openInvoice) {
    lines.push(t('invoiceWaiting', { number: openInvoice.number, amount: formatMoney(openInvoice.totalCents, openInvoice.currency, locale), dueOn: longDate(openInvoice.dueOn) }));
  }
  const canRenew = stage.stage === 'open' || stage.stage === 'expired';

  return (
    <div className="space-y-3 border-t border-slate-200 pt-4" id="renewal">
      <h3 className="font-semibold">{t('panelTitle')}</h3>
      {lines.map((line, index) => (
        <p key={index} className={index === 0 && recentPayment ? 'font-medium text-green-900' : undefined}>
          {line}
        </p>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        {canRenew ? (
          <Link href="/account/renew" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-5 py-2 font-semibold text-white no-underline hover:bg-brand-700">
            {t('renewNow')}
          </Link>
        ) : null}
        <Link href="/account/invoices" className="text-brand-700 underline">
          {t('invoicesLink')}
        </Link>
      </div>
    </div>
  );
}
