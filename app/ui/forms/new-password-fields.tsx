'use client';

import { useTranslations } from 'next-intl';
import { Field } from './field';
import { PasswordVisibility } from './password-visibility';

type Props = {
  labels: { password: string; confirmation: string };
  errors: { password?: string; confirmation?: string };
  /** Other password fields of the form that the "show" checkbox should reveal too. */
  alsoReveal?: string[];
};

/** The new password twice, the rules next to it, and one "show passwords" checkbox. */
export function NewPasswordFields({ labels, errors, alsoReveal = [] }: Props) {
  const tRules = useTranslations('PasswordRules');
  return (
    <>
      <Field name="password" label={labels.password} hint={tRules('hint')} type="password" autoComplete="new-password" required error={errors.password} />
      <Field name="confirmation" label={labels.confirmation} type="password" autoComplete="new-password" required error={errors.confirmation} />
      <PasswordVisibility fieldIds={[...alsoReveal, 'field-password', 'field-confirmation']} plural />
    </>
  );
}
