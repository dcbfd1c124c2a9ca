import type { ReactNode } from 'react';

/** Announced when it appears: role="alert" for errors, role="status" for confirmations. */
export function FormAlert({ tone, children, id }: { tone: 'error' | 'success' | 'info'; children: ReactNode; id?: string }) {
  const look = {
    error: 'border-red-700 bg-red-50 text-red-900',
    success: 'border-green-700 bg-green-50 text-green-900',
    info: 'border-brand-600 bg-brand-50 text-brand-800',
  }[tone];
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 ${look}`}>
      {children}
    </div>
  );
}
