import { getLocale, getTranslations } from 'next-intl/server';
import type { Profile } from '@/lib/members/profile';
import type { RenewalOverview } from '@/lib/renewal/overview';
import { getPathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { membershipStatus } from '@/lib/members/membership-status';
import { todayIso } from '@/lib/dates';
import { getDateFormatter } from '@/app/ui/dates';
import { RenewalPanel } from './renewal-panel';
import { Fact, Facts, ProfileSection } from './section';

export async function MembershipSection({ profile, renewal }: { profile: Profile; renewal: RenewalOverview | null }) {
  const t = await getTranslations('Account');
  const locale = await getLocale();
  const longDate = await getDateFormatter();
  const status = membershipStatus(profile.membershipExpiresOn, todayIso());
  const cardPath = getPathname({ href: '/account/card', locale: locale as Locale });
  let statusText: string;
  switch (status.state) {
    case 'none':
      statusText = t('statusNone');
      break;
    case 'current':
      statusText = t('statusCurrent', { date: longDate(status.expiresOn) });
      break;
    case 'expiringSoon':
      statusText = t('statusExpiringSoon', { days: status.daysLeft, date: longDate(status.expiresOn) });
      break;
    case 'expired':
      statusText = t('statusExpired', { date: longDate(status.expiredOn) });
      break;
  }
  const tone = status.state === 'current' ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-900';
  return (
    <ProfileSection id="membership" title={t('membershipTitle')}>
      <p className={`rounded-md border-l-4 px-4 py-3 font-semibold ${tone}`}>{statusText}</p>
      <Facts>
        <Fact label={t('cspaNumber')}>{profile.cspaNumber}</Fact>
        <Fact label={t('category')}>{locale === 'fr' ? profile.category.nameFr : profile.category.nameEn}</Fact>
      </Facts>
      {renewal ? <RenewalPanel overview={renewal} /> : null}
      <div className="space-y-2 border-t border-slate-200 pt-4">
        <h3 className="font-semibold">{t('cardTitle')}</h3>
        <p className="text-sm text-slate-700">{t('cardText')}</p>
        {status.state === 'expired' ? <p className="text-sm font-medium text-red-800">{t('cardExpired')}</p> : null}
        <div className="flex flex-wrap gap-3">
          {/* Plain links: these are files, not pages for the client router to prefetch. */}
          <a href={cardPath} className="inline-flex min-h-11 items-center gap-2 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
              <path d="M10 2a1 1 0 0 1 1 1v8.6l2.3-2.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L9 11.6V3a1 1 0 0 1 1-1ZM4 16a1 1 0 0 1 1-1h10a1 1 0 1 1 0 2H5a1 1 0 0 1-1-1Z" />
            </svg>
            {t('cardDownload')}
          </a>
          <a href={`${cardPath}?view=inline`} className="inline-flex min-h-11 items-center rounded-md border border-brand-600 px-4 py-2 font-semibold text-brand-700 no-underline hover:bg-brand-50">
            {t('cardView')}
          </a>
        </div>
      </div>
    </ProfileSection>
  );
}
