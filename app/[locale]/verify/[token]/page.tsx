import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/auth/client-address';
import { countAddressEvent, isAddressUnderLimit, type AddressLimit } from '@/lib/auth/throttle';
import { verifyCard } from '@/lib/card/member-card';
import { contactAddresses } from '@/lib/contact';
import { todayIso } from '@/lib/dates';
import { getDateFormatter } from '@/app/ui/dates';
import { FormAlert } from '@/app/ui/forms/form-alert';

type Props = { params: Promise<{ locale: Locale; token: string }> };

// Unknown codes per connection and hour: plenty for a drop zone scanning cards, useless for guessing 128 bits.
const UNKNOWN_CARD_LIMIT: AddressLimit = { scope: 'verify', limit: 20, windowSeconds: 60 * 60 };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Verify' });
  return { title: t('title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** Public: what a drop zone needs to know about a card, as of now. Nothing else (no contact details). */
export default async function VerifyCardPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Verify');
  const db = await getDb();
  const ip = clientAddress(await headers());

  if (!(await isAddressUnderLimit(db, UNKNOWN_CARD_LIMIT, ip))) {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-800">{t('throttledTitle')}</h1>
        <FormAlert tone="error">{t('throttledText')}</FormAlert>
      </div>
    );
  }
  const card = await verifyCard(token);
  if (!card) {
    await countAddressEvent(db, UNKNOWN_CARD_LIMIT, ip);
    notFound();
  }

  const longDate = await getDateFormatter();
  const { officeEmail } = contactAddresses();
  const membership = !card.membershipExpiresOn
    ? t('none')
    : card.membershipValid
      ? t('valid', { date: longDate(card.membershipExpiresOn) })
      : t('expired', { date: longDate(card.membershipExpiresOn) });

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t('title')}</h1>
      <p className="text-slate-700">{t('intro', { date: longDate(todayIso()) })}</p>
      <div className={`rounded-lg border-l-8 bg-white p-5 shadow-sm ring-1 ring-slate-200 ${card.membershipValid ? 'border-green-700' : 'border-red-700'}`}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">{t('name')}</dt>
          <dd className="text-xl font-semibold">
            {card.firstName} {card.lastName}
          </dd>
          <dt className="font-medium text-slate-600">{t('cspaNumber')}</dt>
          <dd>{card.cspaNumber}</dd>
          <dt className="font-medium text-slate-600">{t('membership')}</dt>
          <dd data-testid="membership-status" className={`font-semibold ${card.membershipValid ? 'text-green-800' : 'text-red-800'}`}>
            <span aria-hidden="true">{card.membershipValid ? '✔ ' : '✖ '}</span>
            {membership}
          </dd>
        </dl>
      </div>
      <section aria-labelledby="verify-ratings" className="space-y-3">
        <h2 id="verify-ratings" className="text-xl font-semibold">
          {t('ratings')}
        </h2>
        {card.ratings.length === 0 ? (
          <p>{t('noRatings')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
            {card.ratings.map((rating) => {
              const valid = rating.state === 'current' || rating.state === 'due';
              return (
                <li key={rating.en} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                  <span className="font-medium">{locale === 'fr' ? rating.fr : rating.en}</span>
                  <span className={valid ? 'text-green-800' : 'text-red-800'}>
                    <span aria-hidden="true">{valid ? '✔ ' : '✖ '}</span>
                    {!rating.expiresOn
                      ? t('ratingNoExpiry')
                      : valid
                        ? t('ratingValid', { date: longDate(rating.expiresOn) })
                        : t('ratingLapsed', { date: longDate(rating.expiresOn) })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <p className="text-sm text-slate-700">
        {t.rich('officeHint', {
          officeEmail,
          office: (chunks) => (
            <a href={`mailto:${officeEmail}`} className="text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
