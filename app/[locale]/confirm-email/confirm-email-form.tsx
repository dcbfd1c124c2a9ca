'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmEmailChangeAction, type ConfirmEmailState } from '@/lib/members/actions/email-actions';
import { Link } from '@/lib/i18n/navigation';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SubmitButton } from '@/app/ui/forms/submit-button';

/** The question gives way to the answer: once confirmed, only the result and where to go next remain. */
export function ConfirmEmailForm({ token, newEmail }: { token: string; newEmail: string }) {
  const t = useTranslations('ConfirmEmail');
  const [state, formAction] = useActionState<ConfirmEmailState, FormData>(confirmEmailChangeAction, { status: 'idle' });

  if (state.status === 'success' && state.result) {
    return (
      <FormAlert tone="success">
        <p>{t('done', { email: state.result.newEmail })}</p>
        <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/login" className="font-semibold underline">
            {t('toSignIn')}
          </Link>
          <Link href="/account" className="font-semibold underline">
            {t('toProfile')}
          </Link>
        </p>
      </FormAlert>
    );
  }

  if (state.formError?.code === 'invalidLink') {
    return (
      <FormAlert tone="error">
        <h2 className="font-semibold">{t('invalidTitle')}</h2>
        <p>{t('invalidText')}</p>
      </FormAlert>
    );
  }

  if (state.formError?.code === 'emailTaken') {
    // Pressing again would give the same answer: only the office can sort out who owns the address.
    return (
      <FormAlert tone="error">
        <p>{t('taken')}</p>
      </FormAlert>
    );
  }

  return (
    <form action={formAction} className="space-y-5">
      <p>{t('text', { email: newEmail })}</p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t('confirm')}</SubmitButton>
    </form>
  );
}
