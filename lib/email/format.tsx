import { Fragment, type ReactNode } from 'react';
import type { PluralText } from './copy';

const PLACEHOLDER = /\{(\w+)\}/;

function placeholderValue<T>(values: Record<string, T>, name: string): T {
  // A missing value is a bug in a template, never something to send to a member as "{name}".
  if (!(name in values)) throw new Error(`Email copy placeholder {${name}} has no value`);
  return values[name] as T;
}

export function formatText(text: string, values: Record<string, string | number>): string {
  return text
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 0 ? part : String(placeholderValue(values, part))))
    .join('');
}

/** Like formatText, but a value may be an element (a link, a bold name). */
export function fillText(text: string, values: Record<string, ReactNode>): ReactNode {
  return text
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 0 ? part : <Fragment key={index}>{placeholderValue(values, part)}</Fragment>));
}

export function pluralText(locale: 'fr' | 'en', count: number, forms: PluralText): string {
  const category = new Intl.PluralRules(locale === 'fr' ? 'fr-CA' : 'en-CA').select(count);
  return formatText(category === 'one' ? forms.one : forms.other, { count });
}
