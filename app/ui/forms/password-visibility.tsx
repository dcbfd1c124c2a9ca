'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';

/**
 * A "show password" checkbox for the password fields of a form. It needs JavaScript, so it only
 * appears once the page is interactive; without it the fields simply stay masked.
 */
export function PasswordVisibility({ fieldIds, plural = false }: { fieldIds: string[]; plural?: boolean }) {
  const t = useTranslations('Forms');
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    for (const id of fieldIds) {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.type = visible ? 'text' : 'password';
    }
  }, [visible, fieldIds]);
  if (!ready) return null;
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input type="checkbox" className="size-5" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
      {plural ? t('showPasswords') : t('showPassword')}
    </label>
  );
}
