import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { contactAddresses } from '@/lib/contact';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { ForgotPasswordForm } from './forgot-password-form';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ email?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ForgotPassword' });
  return { title: t('title') };
}

export default async function ForgotPasswordPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { email } = await searchParams;
  const t = await getTranslations('ForgotPassword');
  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{t('title')}</h1>
      <p>{t('intro')}</p>
      <ClientMessages namespaces={['ForgotPassword', 'Forms']}>
        <ForgotPasswordForm initialIdentifier={typeof email === 'string' ? email.slice(0, 254) : undefined} officeEmail={contactAddresses().officeEmail} />
      </ClientMessages>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/login" className="text-brand-700 underline">
          {t('backToSignIn')}
        </Link>
        <Link href="/forgot-username" className="text-brand-700 underline">
          {t('forgotUsername')}
        </Link>
      </p>
    </div>
  );
}
