import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

// Locale routing only. Authorization is checked in every page, action and route handler, never here.
export default createMiddleware(routing);

export const config = {
  // Everything but API routes, Next internals, the dev mailbox and files with an extension.
  matcher: '/((?!api|_next|_vercel|dev/|.*\\..*).*)',
};
