'use client';

import { useTranslations } from 'next-intl';
import { FormAlert } from '@/app/ui/forms/form-alert';

type Props = {
  status: 'idle' | 'error' | 'success';
  conflict?: Record<string, string | null>;
  /** Field names to their labels, in this form's order. */
  labels: Record<string, string>;
  /** How a stored value reads (a province code as its name, a checkbox as yes or no). */
  display?: (field: string, value: string | null) => string | undefined;
};

/** The confirmation after a save, or, when the record changed meanwhile, what is on file now. */
export function SavedOrConflict({ status, conflict, labels, display }: Props) {
  const t = useTranslations('Forms');
  if (status === 'success') return <FormAlert tone="success">{t('saved')}</FormAlert>;
  if (!conflict) return null;
  return (
    <FormAlert tone="error">
      <p className="font-semibold">{t('conflictTitle')}</p>
      <p>{t('conflictText')}</p>
      <ul className="mt-2 list-disc ps-6">
        {Object.entries(labels)
          .filter(([field]) => field in conflict)
          .map(([field, label]) => {
            const value = conflict[field];
            const shown = display?.(field, value ?? null) ?? value ?? t('empty');
            return <li key={field}>{t('conflictField', { field: label, value: shown })}</li>;
          })}
      </ul>
    </FormAlert>
  );
}
