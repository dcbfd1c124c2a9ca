import type { z } from 'zod';

/**
 * What every form action returns: serializable, language-neutral codes that the form translates,
 * and the values the person typed (never a password) so nothing they typed is lost.
 */
export type FormState<Field extends string, Extra = unknown> = {
  status: 'idle' | 'error' | 'success';
  fieldErrors?: Partial<Record<Field, FieldError>>;
  formError?: { code: string; params?: Record<string, string | number> };
  values?: Partial<Record<Field, string>>;
  result?: Extra;
};

export type FieldError = { code: string; params?: Record<string, string | number> };

export const idleState = { status: 'idle' } as const;

/** Zod issues to field codes: schemas carry codes as their messages ("required", "tooLong"...). */
export function fieldErrorsFrom<Field extends string>(error: z.ZodError): Partial<Record<Field, FieldError>> {
  const errors: Partial<Record<Field, FieldError>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || errors[field as Field]) continue;
    const params: Record<string, number> = {};
    if ('maximum' in issue && typeof issue.maximum === 'number') params.max = issue.maximum;
    if ('minimum' in issue && typeof issue.minimum === 'number') params.min = issue.minimum;
    errors[field as Field] = { code: issue.message, params };
  }
  return errors;
}

export function textValues<Field extends string>(formData: FormData, fields: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, 1000);
  }
  return values;
}
