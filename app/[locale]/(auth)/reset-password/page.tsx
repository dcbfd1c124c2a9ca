import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { getDb } from '@/db/client';
import { isResetLinkValid } from '@/lib/auth/password-reset';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { ResetPasswordForm } from './reset-password-form';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ResetPassword' });
  // The token is in the URL: it must never leak to another site through the Referer header.
  return { title: t('title'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}

/** Opening the link only shows the form: nothing changes until it is submitted (mail scanners open links too). */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations('ResetPassword');
  const valid = typeof token === 'string' && (await isResetLinkValid(await getDb(), token));

  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{valid ? t('title') : t('invalidTitle')}</h1>
      {valid ? (
        <>
          <p>{t('intro')}</p>
          <ClientMessages namespaces={['ResetPassword', 'Forms', 'PasswordRules']}>
            <ResetPasswordForm token={token} />
          </ClientMessages>
        </>
      ) : (
        <FormAlert tone="error">
          <p>{t('invalidText')}</p>
          <Link href="/forgot-password" className="font-semibold underline">
            {t('requestNew')}
          </Link>
        </FormAlert>
      )}
    </div>
  );
}
