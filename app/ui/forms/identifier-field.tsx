import type { ComponentProps } from 'react';
import { Field } from './field';

/** The username field (an email, or a CSPA number): one definition for sign-in and recovery. */
export function IdentifierField(props: Omit<ComponentProps<typeof Field>, 'name'>) {
  return (
    <Field
      name="identifier"
      type="text"
      inputMode="email"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      maxLength={254}
      {...props}
    />
  );
}
