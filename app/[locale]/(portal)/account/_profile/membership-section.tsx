import { getLocale, getTranslations } from 'next-intl/server';
import type { Profile } from '@/lib/members/profile';
import { membershipStatus } from '@/lib/members/membership-status';
import { todayIso } from '@/lib/dates';
import { getDateFormatter } from './dates';
import { Fact, Facts, ProfileSection } from './section';

export async function MembershipSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  const locale = await getLocale();
  const longDate = await getDateFormatter();
  const status = membershipStatus(profile.membershipExpiresOn, todayIso());
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
    </ProfileSection>
  );
}
