'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from '@/lib/forms';
import type { Messages } from '@/lib/i18n/messages';

type LooseTranslator = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

const weakSuggestionKeys: Record<string, string> = {
  addWords: 'weakAddWords',
  avoidRepeats: 'weakAvoidRepeats',
  avoidSequences: 'weakAvoidSequences',
  avoidKeyboardPatterns: 'weakAvoidKeyboardPatterns',
  avoidDates: 'weakAvoidDates',
};

/**
 * Turns the codes an action returns into words: the form's own namespace first, then the password
 * rules (when the form provides them), then the shared Forms messages.
 */
export function useErrorText(namespace: keyof Messages): (error: FieldError | undefined) => string | undefined {
  // Keys are built from codes at run time, which the typed translator cannot check.
  const t = useTranslations() as unknown as LooseTranslator;
  return (error) => {
    if (!error) return undefined;
    const params = error.params ?? {};
    if (t.has(`${namespace}.${error.code}`)) return t(`${namespace}.${error.code}`, params);
    if (t.has(`PasswordRules.${error.code}`)) {
      const message = t(`PasswordRules.${error.code}`, params);
      const suggestion = error.code === 'weak' ? weakSuggestionKeys[String(params.suggestion ?? '')] : undefined;
      return suggestion ? `${message} ${t(`PasswordRules.${suggestion}`)}` : message;
    }
    if (t.has(`Forms.${error.code}`)) return t(`Forms.${error.code}`, params);
    return t('Forms.required');
  };
}
