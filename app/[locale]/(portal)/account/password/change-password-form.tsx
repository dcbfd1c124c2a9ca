'use client';

import { useActionState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { changePasswordAction, type ChangePasswordState } from '@/lib/auth/actions/password-actions';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { Field } from '@/app/ui/forms/field';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { NewPasswordFields } from '@/app/ui/forms/new-password-fields';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

export function ChangePasswordForm() {
  const t = useTranslations('ChangePassword');
  const errorText = useErrorText('ChangePassword');
  const format = useFormatter();
  const [state, formAction] = useActionState<ChangePasswordState, FormData>(changePasswordAction, { status: 'idle' });
  const throttledUntil = state.formError?.code === 'throttled' ? Number(state.formError.params?.retryAt) : undefined;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        {throttledUntil ? (
          <FormAlert tone="error">{t('throttled', { time: format.dateTime(new Date(throttledUntil), { timeStyle: 'short' }) })}</FormAlert>
        ) : null}
      </div>
      <Field
        name="currentPassword"
        label={t('currentLabel')}
        type="password"
        autoComplete="current-password"
        required
        error={errorText(state.fieldErrors?.currentPassword)}
      />
      <NewPasswordFields
        labels={{ password: t('passwordLabel'), confirmation: t('confirmationLabel') }}
        errors={{ password: errorText(state.fieldErrors?.password), confirmation: errorText(state.fieldErrors?.confirmation) }}
        alsoReveal={['field-currentPassword']}
      />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
