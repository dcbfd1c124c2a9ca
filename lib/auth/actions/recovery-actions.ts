'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { deliverDueEmails } from '@/lib/email/deliver';
import { fieldErrorsFrom, textValues, type FormState } from '@/lib/forms';
import { redirect } from '@/lib/i18n/navigation';
import { clientAddress } from '../client-address';
import { requestPasswordReset, resetPassword } from '../password-reset';
import { identifierSchema, resetPasswordSchema, usernameReminderSchema } from '../schemas';
import { requestUsernameReminder } from '../username-reminder';

/**
 * The lookup and the email happen after the response is sent: the answer is the same, in the same time,
 * whether or not the address belongs to a member.
 */
function afterResponse(work: (db: Awaited<ReturnType<typeof getDb>>) => Promise<void>) {
  after(async () => {
    try {
      const db = await getDb();
      await work(db);
      await deliverDueEmails({ limit: 5 });
    } catch (error) {
      console.error('Account recovery email could not be prepared', error);
    }
  });
}

export type ForgotPasswordState = FormState<'identifier', { sentAt: number }>;

export async function requestPasswordResetAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const values = textValues(formData, ['identifier'] as const);
  const parsed = identifierSchema.safeParse({ identifier: formData.get('identifier') });
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  const ip = clientAddress(await headers());
  const identifier = parsed.data.identifier;
  afterResponse((db) => requestPasswordReset(db, { identifier, ip }));
  return { status: 'success', values, result: { sentAt: Date.now() } };
}

export type ResetPasswordState = FormState<'password' | 'confirmation'>;

export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const parsed = resetPasswordSchema.safeParse({
    token: formData.get('token') ?? '',
    password: formData.get('password'),
    confirmation: formData.get('confirmation'),
  });
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error) };
  const result = await resetPassword(await getDb(), parsed.data);
  if (!result.ok) {
    if (result.error === 'invalidLink') return { status: 'error', formError: { code: 'invalidLink' } };
    if (result.error === 'mismatch') return { status: 'error', fieldErrors: { confirmation: { code: 'mismatch' } } };
    const { code, ...params } = result.problem;
    return { status: 'error', fieldErrors: { password: { code, params: params as Record<string, string | number> } } };
  }
  after(() => deliverDueEmails({ limit: 5 }).catch((error) => console.error('Email delivery failed', error)));
  // Not signed in automatically (OWASP): the member signs in with the new password.
  return redirect({ href: { pathname: '/login', query: { reset: 'done' } }, locale: await getLocale() });
}

export type ForgotUsernameState = FormState<'cspaNumber' | 'lastName', { sentAt: number; cspaNumber: string }>;

export async function requestUsernameAction(_previous: ForgotUsernameState, formData: FormData): Promise<ForgotUsernameState> {
  const values = textValues(formData, ['cspaNumber', 'lastName'] as const);
  const parsed = usernameReminderSchema.safeParse({ cspaNumber: formData.get('cspaNumber'), lastName: formData.get('lastName') });
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  const ip = clientAddress(await headers());
  const { cspaNumber, lastName } = parsed.data;
  afterResponse((db) => requestUsernameReminder(db, { cspaNumber, lastName, ip }));
  return { status: 'success', values, result: { sentAt: Date.now(), cspaNumber } };
}
