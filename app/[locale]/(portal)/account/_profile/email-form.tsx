'use client';

import { useActionState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { requestEmailChangeAction, type EmailChangeState } from '@/lib/members/actions/email-actions';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { Field } from '@/app/ui/forms/field';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

export function EmailForm() {
  const t = useTranslations('Account');
  const tPassword = useTranslations('ChangePassword');
  const format = useFormatter();
  const errorText = useErrorText('Account');
  const [state, formAction] = useActionState<EmailChangeState, FormData>(requestEmailChangeAction, { status: 'idle' });
  const pending = state.status === 'success' ? state.result?.pendingEmail : undefined;
  const retryAt = state.formError?.code === 'throttled' ? Number(state.formError.params?.retryAt) : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={t('changeEmail')}>
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        {pending ? <FormAlert tone="success">{t('emailPending', { email: pending })}</FormAlert> : null}
        {retryAt ? <FormAlert tone="error">{tPassword('throttled', { time: format.dateTime(new Date(retryAt), { timeStyle: 'short' }) })}</FormAlert> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="newEmail"
          label={t('newEmail')}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={254}
          defaultValue={pending ? '' : state.values?.newEmail}
          error={errorText(state.fieldErrors?.newEmail)}
        />
        <Field
          name="currentPassword"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          error={errorText(state.fieldErrors?.currentPassword)}
        />
      </div>
      <SubmitButton>{t('changeEmail')}</SubmitButton>
    </form>
  );
}
