'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/forms';
import { FormAlert } from './form-alert';

/**
 * Announces that the form came back with errors (role="alert": a screen reader says it at once, where an
 * error that only appears next to its field goes unnoticed). Each error stays at its field, tied to it by
 * aria-describedby and aria-invalid.
 */
export function ErrorSummary({ fieldErrors }: { fieldErrors?: Partial<Record<string, FieldError>> }) {
  const t = useTranslations('Forms');
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return null;
  return <FormAlert tone="error">{t('errorSummary')}</FormAlert>;
}
