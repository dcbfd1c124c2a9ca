'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updateAddressAction, type AddressState } from '@/lib/members/actions/profile-actions';
import { PROVINCE_CODES, OUTSIDE_CANADA } from '@/lib/members/province-codes';
import { ErrorSummary } from '@/app/ui/forms/error-summary';
import { Field } from '@/app/ui/forms/field';
import { SelectField } from '@/app/ui/forms/select-field';
import { SubmitButton } from '@/app/ui/forms/submit-button';
import { useErrorText } from '@/app/ui/forms/use-error-text';
import { SavedOrConflict } from './saved-or-conflict';

export type AddressValues = {
  addressLine1: string;
  addressLine2: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
};

type Props = {
  rowVersion: number;
  initial: AddressValues;
  provinces: Record<string, string>;
  countries: { code: string; name: string }[];
};

export function AddressForm({ rowVersion, initial, provinces, countries }: Props) {
  const t = useTranslations('Account');
  const tForms = useTranslations('Forms');
  const errorText = useErrorText('Account');
  const [state, formAction] = useActionState<AddressState, FormData>(updateAddressAction, { status: 'idle' });
  const values = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const labels = { addressLine1: t('line1'), addressLine2: t('line2'), city: t('city'), province: t('province'), postalCode: t('postalCode'), country: t('country') };

  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={t('addressTitle')}>
      <input type="hidden" name="rowVersion" value={state.result?.rowVersion ?? rowVersion} />
      <div aria-live="polite">
        <ErrorSummary fieldErrors={state.fieldErrors} />
        <SavedOrConflict
          status={state.status}
          conflict={state.result?.conflict}
          labels={labels}
          display={(field, value) => {
            if (value === OUTSIDE_CANADA) return t('outsideCanada');
            if (field === 'province' && value) return provinces[value];
            if (field === 'country' && value) return countries.find((country) => country.code === value)?.name;
            return undefined;
          }}
        />
      </div>
      <Field name="addressLine1" label={labels.addressLine1} autoComplete="address-line1" required maxLength={200} defaultValue={values.addressLine1} error={errorText(errors.addressLine1)} />
      <Field
        name="addressLine2"
        label={`${labels.addressLine2} (${tForms('optional')})`}
        autoComplete="address-line2"
        maxLength={200}
        defaultValue={values.addressLine2}
        error={errorText(errors.addressLine2)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="city" label={labels.city} autoComplete="address-level2" required maxLength={100} defaultValue={values.city} error={errorText(errors.city)} />
        <SelectField name="province" label={labels.province} defaultValue={values.province} error={errorText(errors.province)} autoComplete="address-level1">
          <option value="">{t('chooseProvince')}</option>
          {PROVINCE_CODES.map((code) => (
            <option key={code} value={code}>
              {provinces[code]}
            </option>
          ))}
          <option value={OUTSIDE_CANADA}>{t('outsideCanada')}</option>
        </SelectField>
        <Field
          name="postalCode"
          label={labels.postalCode}
          autoComplete="postal-code"
          autoCapitalize="characters"
          maxLength={20}
          defaultValue={values.postalCode}
          error={errorText(errors.postalCode)}
        />
        <SelectField name="country" label={labels.country} defaultValue={values.country} error={errorText(errors.country)} autoComplete="country">
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton>{tForms('save')}</SubmitButton>
    </form>
  );
}
