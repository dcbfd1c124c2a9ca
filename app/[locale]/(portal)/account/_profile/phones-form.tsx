'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updatePhonesAction, type PhonesState } from '@/lib/members/actions/profile-actions';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { Field } from '@/app/ui/forms/field';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';
import { SavedOrConflict } from './saved-or-conflict';

type Props = { rowVersion: number; initial: { phone: string; phoneAlt: string } };

/** Numbers arrive formatted for reading (national format); the server stores them in E.164. */
export function PhonesForm({ rowVersion, initial }: Props) {
  const t = useTranslations('Account');
  const tForms = useTranslations('Forms');
  const errorText = useErrorText('Account');
  const [state, formAction] = useActionState<PhonesState, FormData>(updatePhonesAction, { status: 'idle' });
  const values = { ...initial, ...state.values };
  const labels = { phone: t('phone'), phoneAlt: t('phoneAlt') };
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={t('phonesTitle')}>
      <input type="hidden" name="rowVersion" value={state.result?.rowVersion ?? rowVersion} />
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        <SavedOrConflict status={state.status} conflict={state.result?.conflict} labels={labels} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="phone" label={`${labels.phone} (${tForms('optional')})`} type="tel" autoComplete="tel" maxLength={40} defaultValue={values.phone} error={errorText(state.fieldErrors?.phone)} />
        <Field name="phoneAlt" label={`${labels.phoneAlt} (${tForms('optional')})`} type="tel" autoComplete="tel" maxLength={40} defaultValue={values.phoneAlt} error={errorText(state.fieldErrors?.phoneAlt)} />
      </div>
      <SubmitButton>{tForms('save')}</SubmitButton>
    </form>
  );
}
