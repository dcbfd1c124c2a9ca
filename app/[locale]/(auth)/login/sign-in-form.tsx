'use client';

import { useActionState, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { signInAction, type SignInState } from '@/lib/auth/actions/session-actions';
import { Link } from '@/lib/i18n/navigation';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { Field } from '@/app/ui/forms/field';
import { IdentifierField } from '@/app/ui/forms/identifier-field';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { PasswordVisibility } from '@/app/ui/forms/password-visibility';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations('SignIn');
  const errorText = useErrorText('SignIn');
  const format = useFormatter();
  const [state, formAction] = useActionState<SignInState, FormData>(signInAction, { status: 'idle' });
  // Whatever is typed carries over to "Forgot password?", so the member need not type it twice.
  const [identifier, setIdentifier] = useState(state.values?.identifier ?? '');
  const typed = identifier.trim();

  let formError: string | undefined;
  if (state.formError?.code === 'throttled') {
    formError = t('throttled', { time: format.dateTime(new Date(Number(state.formError.params?.retryAt)), { timeStyle: 'short' }) });
  } else if (state.formError?.code === 'invalid' || state.formError?.code === 'unavailable') {
    formError = t(state.formError.code);
  }

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <div aria-live="polite">{formError ? <FormAlert tone="error">{formError}</FormAlert> : <ErrorSummary fieldErrors={state.fieldErrors} />}</div>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <IdentifierField
        label={t('identifierLabel')}
        hint={t('identifierHint')}
        defaultValue={state.values?.identifier}
        onChange={(event) => setIdentifier(event.target.value)}
        error={errorText(state.fieldErrors?.identifier)}
      />
      <Field
        name="password"
        label={t('passwordLabel')}
        type="password"
        autoComplete="current-password"
        required
        error={errorText(state.fieldErrors?.password)}
      >
        <PasswordVisibility fieldIds={['field-password']} />
      </Field>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <SubmitButton>{t('submit')}</SubmitButton>
        <Link href={typed ? { pathname: '/forgot-password', query: { email: typed } } : '/forgot-password'} className="text-brand-700 underline">
          {t('forgotPassword')}
        </Link>
        <Link href="/forgot-username" className="text-brand-700 underline">
          {t('forgotUsername')}
        </Link>
      </div>
    </form>
  );
}
