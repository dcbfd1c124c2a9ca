'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmDemoPaymentAction, type DemoPaymentState } from '@/lib/renewal/actions/renewal-actions';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SubmitButton } from '@/app/ui/forms/submit-button';

export function DemoPaymentForm({ invoiceLink }: { invoiceLink: string }) {
  const t = useTranslations('Renewal');
  const [state, formAction] = useActionState<DemoPaymentState, FormData>(confirmDemoPaymentAction, { status: 'idle' });
  return (
    <form action={formAction} className="space-y-4" aria-label={t('demoTitle')}>
      <input type="hidden" name="invoiceLink" value={invoiceLink} />
      <div aria-live="polite">
        {state.formError ? <FormAlert tone="error">{t(`errors.${state.formError.code}` as 'errors.invoicePaid')}</FormAlert> : null}
      </div>
      <SubmitButton>{t('demoPay')}</SubmitButton>
    </form>
  );
}
