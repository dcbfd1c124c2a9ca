import type { ReactNode, SelectHTMLAttributes } from 'react';

type Props = { name: string; label: string; error?: string; children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

export function SelectField({ name, label, error, children, ...select }: Props) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm ${error ? 'border-red-700' : 'border-slate-400'}`}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="flex gap-1 text-sm font-medium text-red-800">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
