import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { getCurrentMember } from '@/lib/auth/current-member';
import { safeReturnPath } from '@/lib/auth/return-path';
import { redirect, Link } from '@/lib/i18n/navigation';
import { ClientMessages } from '@/app/ui/forms/client-messages';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SignInForm } from './sign-in-form';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ next?: string; reset?: string; signedOut?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignIn' });
  return { title: t('title') };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next, reset, signedOut } = await searchParams;
  const returnPath = next ? safeReturnPath(next) : undefined;
  if (await getCurrentMember()) redirect({ href: returnPath ?? '/account', locale });
  const t = await getTranslations('SignIn');

  return (
    <div className="grid gap-8 md:grid-cols-[3fr_2fr]">
      <section aria-labelledby="sign-in-title" className="space-y-5">
        <h1 id="sign-in-title" className="text-3xl font-bold text-brand-800">
          {t('title')}
        </h1>
        <p>{t('intro')}</p>
        {reset === 'done' ? <FormAlert tone="success">{t('resetDone')}</FormAlert> : null}
        {signedOut ? <FormAlert tone="info">{t('signedOut')}</FormAlert> : null}
        <ClientMessages namespaces={['SignIn', 'Forms']}>
          <SignInForm next={returnPath} />
        </ClientMessages>
      </section>
      <aside id="first-time" aria-labelledby="first-time-title" className="h-fit space-y-3 rounded-lg bg-brand-50 p-5 ring-1 ring-brand-100">
        <h2 id="first-time-title" className="text-xl font-semibold text-brand-800">
          {t('firstTimeTitle')}
        </h2>
        <p>{t('firstTimeText')}</p>
        <Link href="/forgot-password" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          {t('firstTimeLink')}
        </Link>
      </aside>
    </div>
  );
}
