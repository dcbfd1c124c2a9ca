import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { requireMember } from '@/lib/auth/current-member';
import { getProfile } from '@/lib/members/profile';
import { getRenewalOverview } from '@/lib/renewal/overview';
import { MembershipSection } from './_profile/membership-section';
import { PersonalSection } from './_profile/personal-section';
import { AddressSection, EmailSection, PhonesSection, PreferencesSection } from './_profile/contact-sections';
import { CertificatesSection, RatingsSection } from './_profile/qualifications-section';
import { ProfileSection } from './_profile/section';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Account' });
  return { title: t('title') };
}

/** Everything on one page, shown at once: nothing hides behind an edit button. */
export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const member = await requireMember('/account');
  const [profile, renewal] = await Promise.all([getProfile(member.id), getRenewalOverview(member.id)]);
  if (!profile) notFound();
  const t = await getTranslations('Account');

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">
        {t('title')} <span className="block text-lg font-normal text-slate-700">{`${profile.firstName} ${profile.lastName}`}</span>
      </h1>
      <MembershipSection profile={profile} renewal={renewal} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PersonalSection profile={profile} />
        <EmailSection profile={profile} />
      </div>
      <AddressSection profile={profile} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PhonesSection profile={profile} />
        <PreferencesSection profile={profile} />
      </div>
      <CertificatesSection profile={profile} />
      <RatingsSection profile={profile} />
      <ProfileSection id="security" title={t('securityTitle')}>
        <Link href="/account/password" className="text-brand-700 underline">
          {t('changePassword')}
        </Link>
      </ProfileSection>
    </div>
  );
}
