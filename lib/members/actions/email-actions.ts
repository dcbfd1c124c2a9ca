'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/auth/client-address';
import { requireMember } from '@/lib/auth/current-member';
import { deliverDueEmails } from '@/lib/email/deliver';
import { fieldErrorsFrom, textValues, type FormState } from '@/lib/forms';
import { confirmEmailChange, requestEmailChange } from '../email-change';
import { emailChangeSchema } from '../schemas';

export type EmailChangeState = FormState<'newEmail' | 'currentPassword', { pendingEmail: string }>;

/** The signed-in member asks for a new address; nothing changes until the link sent there is used. */
export async function requestEmailChangeAction(_previous: EmailChangeState, formData: FormData): Promise<EmailChangeState> {
  const member = await requireMember('/account');
  const values = textValues(formData, ['newEmail'] as const);
  const parsed = emailChangeSchema.safeParse({ newEmail: formData.get('newEmail'), currentPassword: formData.get('currentPassword') });
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };

  const result = await requestEmailChange(await getDb(), {
    memberId: member.id,
    newEmail: parsed.data.newEmail,
    currentPassword: parsed.data.currentPassword,
    ip: clientAddress(await headers()),
  });
  if (!result.ok) {
    switch (result.error) {
      case 'currentWrong':
        return { status: 'error', fieldErrors: { currentPassword: { code: 'currentWrong' } }, values };
      case 'emailTaken':
      case 'sameEmail':
        return { status: 'error', fieldErrors: { newEmail: { code: result.error } }, values };
      case 'throttled':
        return { status: 'error', formError: { code: 'throttled', params: { retryAt: result.retryAt.getTime() } }, values };
    }
  }
  after(() => deliverDueEmails({ limit: 5 }).catch((error) => console.error('Email delivery failed', error)));
  return { status: 'success', result: { pendingEmail: result.newEmail } };
}

export type ConfirmEmailState = FormState<never, { newEmail: string }>;

/** No sign-in needed: the link is opened wherever the new mailbox is read, and the token is the proof. */
export async function confirmEmailChangeAction(_previous: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  const token = formData.get('token');
  if (typeof token !== 'string') return { status: 'error', formError: { code: 'invalidLink' } };
  const result = await confirmEmailChange(await getDb(), token);
  if (!result.ok) return { status: 'error', formError: { code: result.error } };
  return { status: 'success', result: { newEmail: result.newEmail } };
}
