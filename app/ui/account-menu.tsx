import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** The top-right account area: the sign-in link for visitors. */
export async function AccountMenu() {
  const t = await getTranslations('Header');
  return (
    <Link
      href="/login"
      className="flex min-h-11 items-center rounded px-3 py-2 text-sm font-medium no-underline hover:bg-brand-700"
    >
      {t('signIn')}
    </Link>
  );
}
