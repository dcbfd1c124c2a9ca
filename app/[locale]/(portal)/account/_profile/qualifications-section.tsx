import { getLocale, getTranslations } from 'next-intl/server';
import type { Profile } from '@/lib/members/profile';
import { contactAddresses, mailtoWithCspaNumber } from '@/lib/contact';
import { todayIso } from '@/lib/dates';
import { ratingState, type RatingStateCode } from '@/lib/ratings/states';
import { getDateFormatter } from '@/app/ui/dates';
import { ProfileSection } from './section';

const toneClasses = {
  good: 'bg-green-100 text-green-900',
  warning: 'bg-amber-100 text-amber-950',
  bad: 'bg-red-100 text-red-900',
} as const;

const guidanceKey: Record<Exclude<RatingStateCode, 'current'>, 'revalidateDue' | 'revalidateLapsed' | 'revalidateLapsedLong'> = {
  due: 'revalidateDue',
  lapsed: 'revalidateLapsed',
  lapsedLong: 'revalidateLapsedLong',
};

export async function CertificatesSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  const locale = await getLocale();
  const longDate = await getDateFormatter();
  return (
    <ProfileSection id="certificates" title={t('certificatesTitle')}>
      {profile.certificates.length === 0 ? (
        <p className="text-slate-700">{t('noCertificates')}</p>
      ) : (
        <ul className="space-y-1">
          {profile.certificates.map((certificate) => (
            <li key={certificate.code}>
              <span className="font-semibold">{locale === 'fr' ? certificate.nameFr : certificate.nameEn}</span>{' '}
              <span className="text-slate-700">{t('earnedOn', { date: longDate(certificate.earnedOn) })}</span>
            </li>
          ))}
        </ul>
      )}
    </ProfileSection>
  );
}

export async function RatingsSection({ profile }: { profile: Profile }) {
  const t = await getTranslations('Account');
  const tState = await getTranslations('RatingStates');
  const locale = await getLocale();
  const longDate = await getDateFormatter();
  const { officeEmail } = contactAddresses();
  const today = todayIso();

  return (
    <ProfileSection id="ratings" title={t('ratingsTitle')}>
      {profile.ratings.length === 0 ? (
        <p className="text-slate-700">{t('noRatings')}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {profile.ratings.map((rating) => {
            const name = locale === 'fr' ? rating.nameFr : rating.nameEn;
            const state = ratingState(rating.expiresOn, today);
            const stateText = (() => {
              if (!rating.expiresOn) return tState('noExpiry');
              if (state.code === 'due') return tState('due', { date: longDate(rating.expiresOn) });
              if (state.code === 'lapsed') return tState('lapsed', { date: longDate(rating.expiresOn) });
              return tState(state.code);
            })();
            return (
              <li key={rating.code} className="space-y-2 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-semibold">{name}</span>
                  <span className={`rounded px-2 py-0.5 text-sm font-medium ${toneClasses[state.tone]}`}>{stateText}</span>
                </div>
                <p className="text-sm text-slate-700">
                  {t('issuedOn')} {longDate(rating.issuedOn)} · {rating.expiresOn ? `${t('expiresOn')} ${longDate(rating.expiresOn)}` : t('noExpiry')}
                </p>
                {state.code !== 'current' ? (
                  <div className="rounded-md bg-slate-50 p-3 text-sm">
                    <p className="font-medium">{t('howToRevalidate')}</p>
                    <p>{tState(guidanceKey[state.code], { date: rating.expiresOn ? longDate(rating.expiresOn) : '' })}</p>
                    <a
                      href={mailtoWithCspaNumber(officeEmail, tState('mailSubject', { rating: name }), profile.cspaNumber)}
                      className="font-medium text-brand-700 underline"
                    >
                      {tState('sendForm', { officeEmail })}
                    </a>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-sm text-slate-700">
        {t.rich('recordReadOnly', {
          officeEmail,
          office: (chunks) => (
            <a href={mailtoWithCspaNumber(officeEmail, t('ratingsTitle'), profile.cspaNumber)} className="text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </ProfileSection>
  );
}
