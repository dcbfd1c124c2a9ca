import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { contactAddresses } from '@/lib/contact';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { ForgotUsernameForm } from './forgot-username-form';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ForgotUsername' });
  return { title: t('title') };
}

export default async function ForgotUsernamePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('ForgotUsername');
  return (
    <div className="max-w-xl space-y-5">
      <h1 className="text-3xl font-bold text-brand-800">{t('title')}</h1>
      <p>{t('intro')}</p>
      <ClientMessages namespaces={['ForgotUsername', 'Forms']}>
        <ForgotUsernameForm contacts={contactAddresses()} />
      </ClientMessages>
      <Link href="/login" className="text-brand-700 underline">
        {t('backToSignIn')}
      </Link>
    </div>
  );
}
