'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction, type ResetPasswordState } from '@/lib/auth/actions/recovery-actions';
import { Link } from '@/lib/i18n/navigation';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { NewPasswordFields } from '@/app/ui/forms/new-password-fields';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('ResetPassword');
  const errorText = useErrorText('ResetPassword');
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

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
      </div>
      <NewPasswordFields
        labels={{ password: t('passwordLabel'), confirmation: t('confirmationLabel') }}
        errors={{ password: errorText(state.fieldErrors?.password), confirmation: errorText(state.fieldErrors?.confirmation) }}
      />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
