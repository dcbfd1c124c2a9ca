import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getCurrentMember } from '@/lib/auth/current-member';
import { signOutAction } from '@/lib/auth/actions/session-actions';

const itemLook = 'flex min-h-11 items-center rounded px-3 py-2 text-sm font-medium hover:bg-brand-700';

/** Top right: « Bonjour, {prénom} » opening the profile (a head silhouette on phones), and sign-out as a POST. */
export async function AccountMenu() {
  const t = await getTranslations('Header');
  const member = await getCurrentMember();
  if (!member) {
    return (
      <Link href="/login" className={`${itemLook} no-underline`}>
        {t('signIn')}
      </Link>
    );
  }
  const greeting = t('greeting', { firstName: member.firstName });
  return (
    <div className="flex items-center gap-1">
      <Link href="/account" className={`${itemLook} gap-2 no-underline`} aria-label={greeting}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 fill-current sm:hidden">
          <circle cx="12" cy="8" r="4.2" />
          <path d="M3.5 21c0-4.7 3.8-7.5 8.5-7.5s8.5 2.8 8.5 7.5Z" />
        </svg>
        <span className="hidden sm:inline" aria-hidden="true">
          {greeting}
        </span>
      </Link>
      <form action={signOutAction}>
        <button type="submit" className={`${itemLook} border border-white/40`}>
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
