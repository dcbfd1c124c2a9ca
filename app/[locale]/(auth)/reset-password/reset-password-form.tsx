'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction, type ResetPasswordState } from '@/lib/auth/actions/recovery-actions';
import { Link } from '@/lib/i18n/navigation';
import { Field } from '@/app/ui/forms/field';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { PasswordVisibility } from '@/app/ui/forms/password-visibility';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('ResetPassword');
  const errorText = useErrorText('ResetPassword');
  const tRules = useTranslations('PasswordRules');
  const [state, formAction] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, { status: 'idle' });

  if (state.formError?.code === 'invalidLink') {
    return (
      <FormAlert tone="error">
        <h2 className="font-semibold">{t('invalidTitle')}</h2>
        <p>{t('invalidText')}</p>
        <Link href="/forgot-password" className="font-semibold underline">
          {t('requestNew')}
        </Link>
      </FormAlert>
    );
  }

  const passwordError = state.fieldErrors?.password;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label={t('passwordLabel')}
        hint={tRules('hint')}
        type="password"
        autoComplete="new-password"
        required
        error={errorText(passwordError)}
      />
      <Field
        name="confirmation"
        label={t('confirmationLabel')}
        type="password"
        autoComplete="new-password"
        required
        error={errorText(state.fieldErrors?.confirmation)}
      />
      <PasswordVisibility fieldIds={['field-password', 'field-confirmation']} plural />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
