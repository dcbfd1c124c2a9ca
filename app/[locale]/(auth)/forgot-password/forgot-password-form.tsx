'use client';

import { useActionState, useEffect, useState, useSyncExternalStore } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { requestPasswordResetAction, type ForgotPasswordState } from '@/lib/auth/actions/recovery-actions';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { IdentifierField } from '@/app/ui/forms/identifier-field';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

const RESEND_WAIT_SECONDS = 60;

export function ForgotPasswordForm({ initialIdentifier, officeEmail }: { initialIdentifier?: string; officeEmail: string }) {
  const t = useTranslations('ForgotPassword');
  const errorText = useErrorText('ForgotPassword');
  const format = useFormatter();
  const [state, formAction] = useActionState<ForgotPasswordState, FormData>(requestPasswordResetAction, { status: 'idle' });
  const sentAt = state.status === 'success' ? state.result?.sentAt : undefined;
  const secondsLeft = useSecondsUntil(sentAt ? sentAt + RESEND_WAIT_SECONDS * 1000 : undefined);
  const identifier = state.values?.identifier ?? initialIdentifier;
  const interactive = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );

  return (
    <div className="space-y-5">
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        {sentAt ? (
          <FormAlert tone="success">
            <h2 className="font-semibold">{t('sentTitle')}</h2>
            <p>{t('sentText')}</p>
            <p>{t('sentAt', { time: format.dateTime(new Date(sentAt), { timeStyle: 'short' }) })}</p>
            <p>{t('spamHint')}</p>
            <p>
              {t.rich('contactHint', {
                officeEmail,
                office: (chunks) => (
                  <a href={`mailto:${officeEmail}`} className="underline">
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </FormAlert>
        ) : null}
      </div>
      <form action={formAction} className="space-y-5" noValidate>
        <IdentifierField
          label={t('identifierLabel')}
          hint={t('identifierHint')}
          defaultValue={identifier}
          error={errorText(state.fieldErrors?.identifier)}
        />
        {/* The countdown needs JavaScript; without it the button stays and the server's hourly limit applies. */}
        {interactive && sentAt && secondsLeft > 0 ? (
          <p className="text-sm text-slate-700">{t('resendWait', { seconds: secondsLeft })}</p>
        ) : (
          <SubmitButton variant={sentAt ? 'secondary' : 'primary'}>{sentAt ? t('resend') : t('submit')}</SubmitButton>
        )}
      </form>
    </div>
  );
}

/** Counts down to a moment, once a second; null target → 0. */
function useSecondsUntil(target: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!target) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [target]);
  return target ? Math.max(0, Math.ceil((target - now) / 1000)) : 0;
}
