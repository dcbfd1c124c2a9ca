import { getTranslations } from 'next-intl/server';
import type { Profile } from '@/lib/members/profile';
import { contactAddresses, mailtoWithCspaNumber } from '@/lib/contact';
import { getDateFormatter } from '@/app/ui/dates';
import { Fact, Facts, ProfileSection } from './section';

export async function PersonalSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  const longDate = await getDateFormatter();
  const { officeEmail } = contactAddresses();
  return (
    <ProfileSection id="personal" title={t('personalTitle')}>
      <Facts>
        <Fact label={t('name')}>
          {profile.firstName} {profile.lastName}
        </Fact>
        <Fact label={t('dateOfBirth')}>{profile.dateOfBirth ? longDate(profile.dateOfBirth) : t('noDateOfBirth')}</Fact>
      </Facts>
      <p className="text-sm text-slate-700">
        {t.rich('personalReadOnly', {
          officeEmail,
          office: (chunks) => (
            <a href={mailtoWithCspaNumber(officeEmail, t('personalTitle'), profile.cspaNumber)} className="text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </ProfileSection>
  );
}
