import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { members } from '@/db/schema';
import { diffFields, recordAudit } from '@/lib/audit';
import type { AddressInput, PhonesInput, PreferencesInput } from './schemas';

/** Who makes the change: the member themselves (label 'member'), or the office, an import... */
export type ProfileActor = { memberId: string | null; label: string };
export type ProfileTarget = { memberId: string; actor: ProfileActor };

/**
 * 'conflict': the record changed since the form was read (its rowVersion is stale). Nothing was written;
 * `current` holds what is on file now for this form's fields, and `rowVersion` the version to re-submit with.
 */
export type ProfileUpdateResult<Values> =
  | { status: 'saved'; rowVersion: number }
  | { status: 'unchanged'; rowVersion: number }
  | { status: 'conflict'; current: Values; rowVersion: number };

export type AddressOnFile = {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  country: string;
};
export type PhonesOnFile = { phone: string | null; phoneAlt: string | null };
export type PreferencesOnFile = { preferredLanguage: 'fr' | 'en'; newsEmails: boolean; eventEmails: boolean };

type ProfileForm<Values> = { action: string; columns: { [Field in keyof Values]: PgColumn } };

// Keys are the schema's property names: they are also the field names the audit log records.
const ADDRESS: ProfileForm<AddressOnFile> = {
  action: 'member.address.update',
  columns: {
    addressLine1: members.addressLine1,
    addressLine2: members.addressLine2,
    city: members.city,
    province: members.province,
    postalCode: members.postalCode,
    country: members.country,
  },
};
const PHONES: ProfileForm<PhonesOnFile> = {
  action: 'member.phones.update',
  columns: { phone: members.phone, phoneAlt: members.phoneAlt },
};
const PREFERENCES: ProfileForm<PreferencesOnFile> = {
  action: 'member.preferences.update',
  columns: { preferredLanguage: members.preferredLanguage, newsEmails: members.newsEmails, eventEmails: members.eventEmails },
};

export function updateAddress(db: Executor, target: ProfileTarget, input: AddressInput) {
  return saveForm(db, target, ADDRESS, input);
}

export function updatePhones(db: Executor, target: ProfileTarget, input: PhonesInput) {
  return saveForm(db, target, PHONES, input);
}

export function updatePreferences(db: Executor, target: ProfileTarget, input: PreferencesInput) {
  return saveForm(db, target, PREFERENCES, input);
}

/**
 * One transaction: lock the row, refuse a stale version, write only what changed with the version bump,
 * and audit it. Either all of it happens or none of it.
 */
async function saveForm<Values extends Record<string, unknown>>(
  db: Executor,
  { memberId, actor }: ProfileTarget,
  form: ProfileForm<Values>,
  input: Values & { rowVersion: number },
): Promise<ProfileUpdateResult<Values>> {
  const fields = Object.keys(form.columns) as (keyof Values & string)[];
  // Only this form's fields, whatever else the input object carries.
  const next = Object.fromEntries(fields.map((field) => [field, input[field]])) as Values;

  return db.transaction(async (tx) => {
    // FOR UPDATE: a concurrent save from the same version waits here, then reads the bumped version: a conflict.
    const [row] = (await tx
      .select({ ...(form.columns as Record<string, PgColumn>), rowVersion: members.rowVersion })
      .from(members)
      .where(eq(members.id, memberId))
      .for('update')) as (Values & { rowVersion: number })[];
    if (!row) throw new Error(`Member ${memberId} not found`);
    const { rowVersion, ...rest } = row;
    const current = rest as unknown as Values;
    if (rowVersion !== input.rowVersion) return { status: 'conflict', current, rowVersion };

    const changes = diffFields(current, next);
    if (Object.keys(changes).length === 0) return { status: 'unchanged', rowVersion };

    const [updated] = await tx
      .update(members)
      .set({ ...next, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(members.id, memberId), eq(members.rowVersion, rowVersion)))
      .returning({ rowVersion: members.rowVersion });
    // The row is locked: a miss here means the database broke its promise, and nothing must be half-saved.
    if (!updated) throw new Error(`Member ${memberId} changed while locked`);
    await recordAudit(tx, {
      actorMemberId: actor.memberId,
      actorLabel: actor.label,
      subjectMemberId: memberId,
      action: form.action,
      changes,
    });
    return { status: 'saved', rowVersion: updated.rowVersion };
  });
}

/** What is on file for one form, with the version to edit it from (used when a form comes back without a usable version). */
export async function readProfileForm(db: Executor, memberId: string, form: 'address'): Promise<{ current: AddressOnFile; rowVersion: number } | null>;
export async function readProfileForm(db: Executor, memberId: string, form: 'phones'): Promise<{ current: PhonesOnFile; rowVersion: number } | null>;
export async function readProfileForm(
  db: Executor,
  memberId: string,
  form: 'preferences',
): Promise<{ current: PreferencesOnFile; rowVersion: number } | null>;
export async function readProfileForm(db: Executor, memberId: string, form: 'address' | 'phones' | 'preferences') {
  const { columns } = { address: ADDRESS, phones: PHONES, preferences: PREFERENCES }[form] as ProfileForm<Record<string, unknown>>;
  const [row] = await db
    .select({ ...columns, rowVersion: members.rowVersion })
    .from(members)
    .where(eq(members.id, memberId));
  if (!row) return null;
  const { rowVersion, ...current } = row as Record<string, unknown> & { rowVersion: number };
  return { current, rowVersion };
}
