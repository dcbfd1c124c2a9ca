import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { requireMember } from '@/lib/auth/current-member';
import { getMemberSummary } from '@/lib/members/queries';
import { membershipStatus } from '@/lib/members/membership-status';
import { todayIso } from '@/lib/dates';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Account' });
  return { title: t('title') };
}

function dateOnly(iso: string) {
  // Calendar dates are shown as such, whatever the server's time zone.
  return new Date(`${iso}T12:00:00Z`);
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const member = await requireMember('/account');
  const summary = await getMemberSummary(member.id);
  if (!summary) notFound();
  const t = await getTranslations('Account');
  const format = await getFormatter();
  const longDate = (iso: string) => format.dateTime(dateOnly(iso), { dateStyle: 'long', timeZone: 'UTC' });
  const status = membershipStatus(summary.membershipExpiresOn, todayIso());
  const statusText = {
    none: () => t('statusNone'),
    current: () => (status.state === 'current' ? t('statusCurrent', { date: longDate(status.expiresOn) }) : ''),
    expiringSoon: () =>
      status.state === 'expiringSoon' ? t('statusExpiringSoon', { days: status.daysLeft, date: longDate(status.expiresOn) }) : '',
    expired: () => (status.state === 'expired' ? t('statusExpired', { date: longDate(status.expiredOn) }) : ''),
  }[status.state]();

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t('title')}</h1>
      <section aria-labelledby="membership-title" className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="membership-title" className="text-xl font-semibold">{t('membershipTitle')}</h2>
        <p className={status.state === 'current' ? 'font-semibold text-green-800' : 'font-semibold text-red-800'}>{statusText}</p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">{t('cspaNumber')}</dt>
          <dd>{summary.cspaNumber}</dd>
          <dt className="font-medium text-slate-600">{t('category')}</dt>
          <dd>{locale === 'fr' ? summary.categoryNameFr : summary.categoryNameEn}</dd>
        </dl>
      </section>
      <section aria-labelledby="personal-title" className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="personal-title" className="text-xl font-semibold">{t('personalTitle')}</h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">{t('name')}</dt>
          <dd>
            {summary.firstName} {summary.lastName}
          </dd>
          <dt className="font-medium text-slate-600">{t('email')}</dt>
          <dd className="break-all">{summary.email}</dd>
        </dl>
      </section>
      <section aria-labelledby="security-title" className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="security-title" className="text-xl font-semibold">{t('securityTitle')}</h2>
        <Link href="/account/password" className="text-brand-700 underline">
          {t('changePassword')}
        </Link>
      </section>
    </div>
  );
}
