'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updatePreferencesAction, type PreferencesState } from '@/lib/members/actions/profile-actions';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { SelectField } from '@/app/ui/forms/select-field';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';
import { SavedOrConflict } from './saved-or-conflict';

type Props = { rowVersion: number; initial: { preferredLanguage: 'fr' | 'en'; newsEmails: boolean; eventEmails: boolean } };

export function PreferencesForm({ rowVersion, initial }: Props) {
  const t = useTranslations('Account');
  const tForms = useTranslations('Forms');
  const errorText = useErrorText('Account');
  const [state, formAction] = useActionState<PreferencesState, FormData>(updatePreferencesAction, { status: 'idle' });
  const typed = state.values;
  const checked = (field: 'newsEmails' | 'eventEmails') => (typed ? typed[field] === 'on' : initial[field]);
  const labels = { preferredLanguage: t('preferredLanguage'), newsEmails: t('newsEmails'), eventEmails: t('eventEmails') };
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={t('settingsTitle')}>
      <input type="hidden" name="rowVersion" value={state.result?.rowVersion ?? rowVersion} />
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        <SavedOrConflict
          status={state.status}
          conflict={state.result?.conflict}
          labels={labels}
          display={(field, value) => {
            if (field === 'preferredLanguage') return value === 'en' ? t('english') : t('french');
            return value === 'on' ? tForms('yes') : tForms('no');
          }}
        />
      </div>
      <SelectField
        name="preferredLanguage"
        label={labels.preferredLanguage}
        defaultValue={typed?.preferredLanguage ?? initial.preferredLanguage}
        error={errorText(state.fieldErrors?.preferredLanguage)}
      >
        <option value="fr" lang="fr">
          {t('french')}
        </option>
        <option value="en" lang="en">
          {t('english')}
        </option>
      </SelectField>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t('communications')}</legend>
        {(['newsEmails', 'eventEmails'] as const).map((field) => (
          <label key={field} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name={field} defaultChecked={checked(field)} className="size-5" />
            {labels[field]}
          </label>
        ))}
        <p className="text-sm text-slate-600">{t('serviceEmailsNote')}</p>
      </fieldset>
      <SubmitButton>{tForms('save')}</SubmitButton>
    </form>
  );
}
