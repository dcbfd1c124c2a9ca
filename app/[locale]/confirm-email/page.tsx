import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getDb } from '@/db/client';
import { inspectEmailChange } from '@/lib/members/email-change';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { ConfirmEmailForm } from './confirm-email-form';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ConfirmEmail' });
  // The token is in the URL: it must never leak to another site through the Referer header.
  return { title: t('title'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}

/**
 * Opening the link only shows what would change: the address changes when the button is pressed
 * (mail scanners open links too). No sign-in needed: the new mailbox may be read on another device.
 */
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations('ConfirmEmail');
  const link = typeof token === 'string' ? await inspectEmailChange(await getDb(), token) : { status: 'invalid' as const };

  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{link.status === 'valid' ? t('title') : t('invalidTitle')}</h1>
      {link.status === 'valid' && typeof token === 'string' ? (
        <ClientMessages namespaces={['ConfirmEmail', 'Forms']}>
          <ConfirmEmailForm token={token} newEmail={link.newEmail} />
        </ClientMessages>
      ) : (
        <FormAlert tone="error">
          <p>{t('invalidText')}</p>
          <Link href="/account" className="font-semibold underline">
            {t('toProfile')}
          </Link>
        </FormAlert>
      )}
    </div>
  );
}
