'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestUsernameAction, type ForgotUsernameState } from '@/lib/auth/actions/recovery-actions';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { Field } from '@/app/ui/forms/field';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';

type Contacts = { officeEmail: string; accountEmail: string };

function mailto(address: string, subject: string, cspaNumber?: string) {
  return `mailto:${address}?subject=${encodeURIComponent(cspaNumber ? `${subject} (${cspaNumber})` : subject)}`;
}

export function ForgotUsernameForm({ contacts }: { contacts: Contacts }) {
  const t = useTranslations('ForgotUsername');
  const errorText = useErrorText('ForgotUsername');
  const [state, formAction] = useActionState<ForgotUsernameState, FormData>(requestUsernameAction, { status: 'idle' });
  const knownNumber = state.result?.cspaNumber;

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        {state.status === 'success' ? (
          <FormAlert tone="success">
            <h2 className="font-semibold">{t('sentTitle')}</h2>
            <p>{t('sentText')}</p>
          </FormAlert>
        ) : null}
      </div>
      <form action={formAction} className="space-y-5" noValidate>
        <Field
          name="cspaNumber"
          label={t('cspaNumberLabel')}
          hint={t('cspaNumberHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={10}
          defaultValue={state.values?.cspaNumber}
          error={errorText(state.fieldErrors?.cspaNumber)}
        />
        <Field
          name="lastName"
          label={t('lastNameLabel')}
          autoComplete="family-name"
          required
          maxLength={100}
          defaultValue={state.values?.lastName}
          error={errorText(state.fieldErrors?.lastName)}
        />
        <SubmitButton>{t('submit')}</SubmitButton>
      </form>
      <section aria-labelledby="no-access-title" className="space-y-2 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="no-access-title" className="text-lg font-semibold">
          {t('noAccessTitle')}
        </h2>
        <p>
          {t.rich('noAccessText', {
            officeEmail: contacts.officeEmail,
            accountEmail: contacts.accountEmail,
            office: (chunks) => (
              <a href={mailto(contacts.officeEmail, t('mailSubject'), knownNumber)} className="text-brand-700 underline">
                {chunks}
              </a>
            ),
            account: (chunks) => (
              <a href={mailto(contacts.accountEmail, t('mailSubject'), knownNumber)} className="text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </section>
    </div>
  );
}
