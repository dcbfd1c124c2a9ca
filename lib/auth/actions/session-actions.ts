'use server';

import { AuthError } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { fieldErrorsFrom, textValues, type FormState } from '@/lib/forms';
import { getPathname } from '@/lib/i18n/navigation';
import { signIn, signOut, SignInRefused } from '../config';
import { getCurrentMember } from '../current-member';
import { safeReturnPath } from '../return-path';
import { signInSchema } from '../schemas';
import { endSession } from '../sessions';

export type SignInState = FormState<'identifier' | 'password'>;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const values = textValues(formData, ['identifier'] as const);
  const parsed = signInSchema.safeParse({
    identifier: formData.get('identifier'),
    password: formData.get('password'),
    next: formData.get('next') ?? undefined,
  });
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };

  const locale = await getLocale();
  const destination = getPathname({ href: safeReturnPath(parsed.data.next), locale });
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn('credentials', { identifier: parsed.data.identifier, password: parsed.data.password, redirectTo: destination });
  } catch (error) {
    if (error instanceof SignInRefused) {
      const code = error.code;
      if (code.startsWith('throttled:')) {
        return { status: 'error', formError: { code: 'throttled', params: { retryAt: Number(code.slice(10)) } }, values };
      }
      return { status: 'error', formError: { code: 'invalid' }, values };
    }
    if (error instanceof AuthError) return { status: 'error', formError: { code: 'unavailable' }, values };
    throw error;
  }
  return { status: 'success' };
}

/** Ends this session on the server too, so a copy of the cookie taken before sign-out is refused. */
export async function signOutAction(): Promise<void> {
  const member = await getCurrentMember();
  if (member) await endSession(await getDb(), member.sessionId);
  const locale = await getLocale();
  await signOut({ redirectTo: getPathname({ href: { pathname: '/login', query: { signedOut: '1' } }, locale }) });
}
