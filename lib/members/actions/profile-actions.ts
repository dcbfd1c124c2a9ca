'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { requireMember } from '@/lib/auth/current-member';
import { fieldErrorsFrom, textValues, type FieldError, type FormState } from '@/lib/forms';
import { getAddressCountry } from '../profile';
import {
  readProfileForm,
  updateAddress,
  updatePhones,
  updatePreferences,
  type AddressOnFile,
  type PhonesOnFile,
  type PreferencesOnFile,
  type ProfileActor,
  type ProfileUpdateResult,
} from '../profile-updates';
import { addressSchema, OUTSIDE_CANADA, phonesSchema, preferencesSchema } from '../schemas';

// Every exported function of a 'use server' file is a public endpoint: only the three actions are exported.
// The member edited is always the signed-in one; ids, roles or numbers in the form data are never read.

const ADDRESS_FIELDS = ['rowVersion', 'addressLine1', 'addressLine2', 'city', 'province', 'postalCode', 'country'] as const;
const PHONES_FIELDS = ['rowVersion', 'phone', 'phoneAlt'] as const;
const PREFERENCES_TEXT_FIELDS = ['rowVersion', 'preferredLanguage'] as const;
const PREFERENCES_CHECKBOXES = ['newsEmails', 'eventEmails'] as const;

type AddressField = (typeof ADDRESS_FIELDS)[number];
type PhonesField = (typeof PHONES_FIELDS)[number];
type PreferencesField = (typeof PREFERENCES_TEXT_FIELDS)[number] | (typeof PREFERENCES_CHECKBOXES)[number];

/**
 * `rowVersion`: the version the form's hidden field must carry for the next save (after a success or a conflict).
 * `conflict`: with formError 'conflict', what is on file now, as form text (null = empty or unchecked,
 * 'on' = checked, province 'OUTSIDE' for an address outside Canada).
 */
export type ProfileFormResult<Field extends string> = {
  rowVersion: number;
  conflict?: Record<Exclude<Field, 'rowVersion'>, string | null>;
};

export type AddressState = FormState<AddressField, ProfileFormResult<AddressField>>;
export type PhonesState = FormState<PhonesField, ProfileFormResult<PhonesField>>;
export type PreferencesState = FormState<PreferencesField, ProfileFormResult<PreferencesField>>;

export async function updateAddressAction(_previous: AddressState, formData: FormData): Promise<AddressState> {
  const member = await requireMember('/account');
  const values = textValues(formData, ADDRESS_FIELDS);
  const parsed = addressSchema.safeParse(entries(formData, ADDRESS_FIELDS));
  const db = await getDb();
  if (!parsed.success) {
    return refused(parsed.error, values, async () => {
      const onFile = await readProfileForm(db, member.id, 'address');
      return onFile && { rowVersion: onFile.rowVersion, conflict: addressText(onFile.current) };
    });
  }
  const result = await updateAddress(db, { memberId: member.id, actor: self(member.id) }, parsed.data);
  return settled(result, values, addressText);
}

export async function updatePhonesAction(_previous: PhonesState, formData: FormData): Promise<PhonesState> {
  const member = await requireMember('/account');
  const values = textValues(formData, PHONES_FIELDS);
  const db = await getDb();
  // Numbers typed without a country code belong to the country the member lives in.
  const country = (await getAddressCountry(db, member.id)) ?? 'CA';
  const parsed = phonesSchema(country).safeParse(entries(formData, PHONES_FIELDS));
  if (!parsed.success) {
    return refused(parsed.error, values, async () => {
      const onFile = await readProfileForm(db, member.id, 'phones');
      return onFile && { rowVersion: onFile.rowVersion, conflict: phonesText(onFile.current) };
    });
  }
  const result = await updatePhones(db, { memberId: member.id, actor: self(member.id) }, parsed.data);
  return settled(result, values, phonesText);
}

export async function updatePreferencesAction(_previous: PreferencesState, formData: FormData): Promise<PreferencesState> {
  const member = await requireMember('/account');
  const values: Partial<Record<PreferencesField, string>> = textValues(formData, PREFERENCES_TEXT_FIELDS);
  for (const box of PREFERENCES_CHECKBOXES) {
    const value = formData.get(box);
    if (value === 'on' || value === 'true') values[box] = 'on';
  }
  const parsed = preferencesSchema.safeParse(entries(formData, [...PREFERENCES_TEXT_FIELDS, ...PREFERENCES_CHECKBOXES]));
  const db = await getDb();
  if (!parsed.success) {
    return refused(parsed.error, values, async () => {
      const onFile = await readProfileForm(db, member.id, 'preferences');
      return onFile && { rowVersion: onFile.rowVersion, conflict: preferencesText(onFile.current) };
    });
  }
  const result = await updatePreferences(db, { memberId: member.id, actor: self(member.id) }, parsed.data);
  return settled(result, values, preferencesText);
}

function self(memberId: string): ProfileActor {
  return { memberId, label: 'member' };
}

/** Only the form's own fields reach the schema. */
function entries(formData: FormData, fields: readonly string[]): Record<string, FormDataEntryValue | null> {
  return Object.fromEntries(fields.map((field) => [field, formData.get(field)]));
}

/**
 * Field codes for the form. A missing or unusable rowVersion cannot be fixed by the member: it is answered
 * like a conflict, with what is on file and a fresh version, so re-submitting works.
 */
async function refused<Field extends string>(
  error: z.ZodError,
  values: Partial<Record<Field, string>>,
  readOnFile: () => Promise<ProfileFormResult<Field> | null>,
): Promise<FormState<Field, ProfileFormResult<Field>>> {
  const { rowVersion: versionError, ...others }: Partial<Record<string, FieldError>> = fieldErrorsFrom<Field>(error);
  const fieldErrors = others as Partial<Record<Field, FieldError>>;
  if (!versionError) return { status: 'error', fieldErrors, values };
  const result = await readOnFile();
  if (!result) throw new Error('The signed-in member has no record');
  return { status: 'error', fieldErrors, formError: { code: 'conflict' }, values, result };
}

function settled<Field extends string, OnFile>(
  outcome: ProfileUpdateResult<OnFile>,
  values: Partial<Record<Field, string>>,
  toText: (onFile: OnFile) => Record<Exclude<Field, 'rowVersion'>, string | null>,
): FormState<Field, ProfileFormResult<Field>> {
  // After a conflict the page was showing stale data too.
  if (outcome.status !== 'unchanged') revalidatePath('/[locale]/account', 'page');
  if (outcome.status === 'conflict') {
    return {
      status: 'error',
      formError: { code: 'conflict' },
      values,
      result: { rowVersion: outcome.rowVersion, conflict: toText(outcome.current) },
    };
  }
  return { status: 'success', result: { rowVersion: outcome.rowVersion } };
}

function addressText(onFile: AddressOnFile): Record<Exclude<AddressField, 'rowVersion'>, string | null> {
  // No province abroad is stored as null; in the form it is the "outside Canada" choice.
  const province = onFile.province ?? (onFile.country === 'CA' ? null : OUTSIDE_CANADA);
  return { ...onFile, province };
}

function phonesText(onFile: PhonesOnFile): Record<Exclude<PhonesField, 'rowVersion'>, string | null> {
  return { phone: onFile.phone, phoneAlt: onFile.phoneAlt };
}

function preferencesText(onFile: PreferencesOnFile): Record<Exclude<PreferencesField, 'rowVersion'>, string | null> {
  return {
    preferredLanguage: onFile.preferredLanguage,
    newsEmails: onFile.newsEmails ? 'on' : null,
    eventEmails: onFile.eventEmails ? 'on' : null,
  };
}
