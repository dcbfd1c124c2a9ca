import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { Profile } from '@/lib/members/profile';
import { countryName, countryOptions, provinceNames } from '@/lib/members/regions';
import { displayPhone } from '@/lib/members/phone-display';
import { OUTSIDE_CANADA } from '@/lib/members/province-codes';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { AddressForm } from './address-form';
import { EmailForm } from './email-form';
import { PhonesForm } from './phones-form';
import { PreferencesForm } from './preferences-form';
import { Fact, Facts, ProfileSection } from './section';

const formNamespaces = ['Account', 'Forms', 'ChangePassword'] as const;

export async function EmailSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  return (
    <ProfileSection id="email" title={t('emailTitle')}>
      <p className="break-all text-lg">{profile.email}</p>
      <p className="text-sm text-slate-700">{t('emailHint')}</p>
      <ClientMessages namespaces={[...formNamespaces]}>
        <EmailForm />
      </ClientMessages>
    </ProfileSection>
  );
}

export async function AddressSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  const locale = (await getLocale()) as Locale;
  const { address } = profile;
  const provinces = provinceNames(locale);
  const hasAddress = Boolean(address.line1 || address.city);
  return (
    <ProfileSection id="address" title={t('addressTitle')}>
      {hasAddress ? (
        <address className="not-italic leading-relaxed" data-testid="address-on-file">
          {address.line1}
          {address.line2 ? <>, {address.line2}</> : null}
          <br />
          {[address.city, address.province ? provinces[address.province] : null, address.postalCode].filter(Boolean).join(' ')}
          <br />
          {countryName(address.country, locale)}
        </address>
      ) : (
        <p className="text-slate-700">{t('noAddress')}</p>
      )}
      <ClientMessages namespaces={[...formNamespaces]}>
        <AddressForm
          rowVersion={profile.rowVersion}
          provinces={provinces}
          countries={countryOptions(locale)}
          initial={{
            addressLine1: address.line1 ?? '',
            addressLine2: address.line2 ?? '',
            city: address.city ?? '',
            province: address.province ?? (address.country !== 'CA' ? OUTSIDE_CANADA : ''),
            postalCode: address.postalCode ?? '',
            country: address.country,
          }}
        />
      </ClientMessages>
    </ProfileSection>
  );
}

export async function PhonesSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  const show = (value: string | null) => (value ? displayPhone(value, profile.address.country) : '');
  const phones = [
    { label: t('phone'), value: profile.phone },
    { label: t('phoneAlt'), value: profile.phoneAlt },
  ].filter((phone) => phone.value);
  return (
    <ProfileSection id="phones" title={t('phonesTitle')}>
      {phones.length > 0 ? (
        <Facts>
          {phones.map((phone) => (
            <Fact key={phone.label} label={phone.label}>
              <a href={`tel:${phone.value}`} className="text-brand-700 underline">
                {show(phone.value)}
              </a>
            </Fact>
          ))}
        </Facts>
      ) : (
        <p className="text-slate-700">{t('noPhone')}</p>
      )}
      <ClientMessages namespaces={[...formNamespaces]}>
        <PhonesForm rowVersion={profile.rowVersion} initial={{ phone: show(profile.phone), phoneAlt: show(profile.phoneAlt) }} />
      </ClientMessages>
    </ProfileSection>
  );
}

export async function PreferencesSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  return (
    <ProfileSection id="settings" title={t('settingsTitle')}>
      <ClientMessages namespaces={[...formNamespaces]}>
        <PreferencesForm
          rowVersion={profile.rowVersion}
          initial={{ preferredLanguage: profile.preferredLanguage, newsEmails: profile.newsEmails, eventEmails: profile.eventEmails }}
        />
      </ClientMessages>
    </ProfileSection>
  );
}
