import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

/** A labelled input whose hint and error are tied to it (aria-describedby), and marked invalid when it has an error. */
export function Field({ name, label, hint, error, children, className, ...input }: Props) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border px-3 py-2 text-base shadow-sm aria-invalid:border-red-700 ${error ? 'border-red-700' : 'border-slate-400'} ${className ?? ''}`}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="flex gap-1 text-sm font-medium text-red-800">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
      {children}
    </div>
  );
}
