'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { payInvoiceFromLinkAction, renewMembershipAction, type RenewFormState } from '@/lib/renewal/actions/renewal-actions';
import { FormAlert } from '@/app/ui/forms/form-alert';
import { SelectField } from '@/app/ui/forms/select-field';
import { SubmitButton } from '@/app/ui/forms/submit-button';

export type GroupOption = { code: string; name: string; kind: 'drop_zone' | 'club' | 'provincial' };

type Props = {
  /** The signed invoice link when the member came from an email without signing in. */
  invoiceLink?: string;
  groups: GroupOption[];
  preselected: string | null;
  membershipYear: number;
};

const KINDS = ['drop_zone', 'club', 'provincial'] as const;

/** Group, declaration, Pay: a plain form that posts without JavaScript, enhanced with useActionState. */
export function RenewForm({ invoiceLink, groups, preselected, membershipYear }: Props) {
  const t = useTranslations('Renewal');
  const action = invoiceLink ? payInvoiceFromLinkAction : renewMembershipAction;
  const [state, formAction] = useActionState<RenewFormState, FormData>(action, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  const errorText = (code: string | undefined) => (code ? t(`errors.${code}` as 'errors.groupRequired') : undefined);
  const groupValue = state.values?.groupCode ?? preselected ?? '';
  const declarationChecked = state.values ? state.values.declaration === 'on' : false;
  const declarationError = errorText(errors.declaration?.code);

  return (
    <form action={formAction} className="space-y-5" noValidate aria-label={t('pageTitle')}>
      {invoiceLink ? <input type="hidden" name="invoiceLink" value={invoiceLink} /> : null}
      <div aria-live="polite">
        {state.formError ? <FormAlert tone="error">{errorText(state.formError.code)}</FormAlert> : null}
      </div>
      <div className="space-y-1">
        <SelectField
          key={`group-${groupValue}`}
          name="groupCode"
          label={t('group', { year: membershipYear })}
          defaultValue={groupValue}
          required
          error={errorText(errors.groupCode?.code)}
        >
          <option value="">{t('chooseGroup')}</option>
          {KINDS.map((kind) => {
            const inKind = groups.filter((group) => group.kind === kind);
            return inKind.length === 0 ? null : (
              <optgroup key={kind} label={t(`groupKinds.${kind}`)}>
                {inKind.map((group) => (
                  <option key={group.code} value={group.code}>
                    {group.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </SelectField>
        {preselected ? <p className="text-sm text-slate-600">{t('groupHint')}</p> : null}
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t('declarationTitle')}</legend>
        <p id="declaration-text" className="text-sm leading-relaxed text-slate-800">
          {t('declarationText')}
        </p>
        <label className="flex items-start gap-3 font-medium">
          <input
            key={`declaration-${declarationChecked}`}
            type="checkbox"
            name="declaration"
            required
            defaultChecked={declarationChecked}
            aria-invalid={declarationError ? true : undefined}
            aria-describedby={declarationError ? 'declaration-text declaration-error' : 'declaration-text'}
            className="mt-0.5 size-5 shrink-0"
          />
          <span>{t('declarationAccept')}</span>
        </label>
        {declarationError ? (
          <p id="declaration-error" className="flex gap-1 text-sm font-medium text-red-800">
            <span aria-hidden="true">⚠</span>
            <span>{declarationError}</span>
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-slate-700">{t('payHint')}</p>
      <SubmitButton>{t('pay')}</SubmitButton>
    </form>
  );
}
