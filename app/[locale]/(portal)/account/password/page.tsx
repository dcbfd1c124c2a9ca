import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { requireMember } from '@/lib/auth/current-member';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { ChangePasswordForm } from './change-password-form';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ changed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ChangePassword' });
  return { title: t('title') };
}

export default async function ChangePasswordPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireMember('/account/password');
  const { changed } = await searchParams;
  const t = await getTranslations('ChangePassword');
  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{t('title')}</h1>
      {changed ? <FormAlert tone="success">{t('changed')}</FormAlert> : <p>{t('intro')}</p>}
      <ClientMessages namespaces={['ChangePassword', 'Forms', 'PasswordRules']}>
        <ChangePasswordForm />
      </ClientMessages>
      <Link href="/account" className="text-brand-700 underline">
        {t('backToProfile')}
      </Link>
    </div>
  );
}
