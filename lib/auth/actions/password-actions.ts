'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { deliverDueEmails } from '@/lib/email/deliver';
import { fieldErrorsFrom, type FormState } from '@/lib/forms';
import { getPathname } from '@/lib/i18n/navigation';
import { changePassword } from '../change-password';
import { clientAddress } from '../client-address';
import { signIn } from '../config';
import { requireMember } from '../current-member';
import { changePasswordSchema } from '../schemas';

export type ChangePasswordState = FormState<'currentPassword' | 'password' | 'confirmation'>;

export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const member = await requireMember('/account/password');
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get('currentPassword'),
    password: formData.get('password'),
    confirmation: formData.get('confirmation'),
  });
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error) };

  const result = await changePassword(await getDb(), {
    memberId: member.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.password,
    confirmation: parsed.data.confirmation,
    ip: clientAddress(await headers()),
  });
  if (!result.ok) {
    switch (result.error) {
      case 'currentWrong':
        return { status: 'error', fieldErrors: { currentPassword: { code: 'currentWrong' } } };
      case 'throttled':
        return { status: 'error', formError: { code: 'throttled', params: { retryAt: result.retryAt.getTime() } } };
      case 'mismatch':
        return { status: 'error', fieldErrors: { confirmation: { code: 'mismatch' } } };
      case 'password': {
        const { code, ...params } = result.problem;
        return { status: 'error', fieldErrors: { password: { code, params: params as Record<string, string | number> } } };
      }
    }
  }
  after(() => deliverDueEmails({ limit: 5 }).catch((error) => console.error('Email delivery failed', error)));
  // Every session ended with the change; this device signs in again with the new password.
  const locale = await getLocale();
  await signIn('credentials', {
    identifier: result.email,
    password: parsed.data.password,
    redirectTo: getPathname({ href: { pathname: '/account/password', query: { changed: '1' } }, locale }),
  });
  return { status: 'success' };
}
