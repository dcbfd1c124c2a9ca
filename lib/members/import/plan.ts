import { members, type Member } from '@/db/schema';
import { IMPORT_COLUMNS, type MemberField } from './columns';
import type { ImportedMember } from './validate-row';

/** What the import reads of a member already in the database (never the password hash). */
export type ExistingMember = Pick<Member, 'id' | 'rowVersion' | MemberField>;

export type MemberValues = Pick<Member, MemberField>;
/** Audit changes, by database column name (snake_case). */
export type Changes = Record<string, { old: unknown; new: unknown }>;

export type PlannedRow =
  | { kind: 'create'; line: number; cspaNumber: string; values: MemberValues; changes: Changes }
  | { kind: 'update'; line: number; cspaNumber: string; member: ExistingMember; set: Partial<MemberValues>; changes: Changes }
  | { kind: 'unchanged'; line: number; cspaNumber: string };

/** Values a new member gets for the fields the file leaves out. */
export const NEW_MEMBER_DEFAULTS: MemberValues = {
  cspaNumber: '',
  firstName: '',
  lastName: '',
  email: '',
  preferredLanguage: 'fr',
  dateOfBirth: null,
  phone: null,
  addressLine1: null,
  addressLine2: null,
  city: null,
  province: null,
  postalCode: null,
  country: 'CA',
  categoryCode: 'FULL',
  membershipExpiresOn: null,
};

const columnName = (field: MemberField): string => members[field].name;

/** Creates unknown numbers; for known ones, changes only the fields the row gives that differ. */
export function planRow(line: number, incoming: ImportedMember, existing: ExistingMember | undefined): PlannedRow {
  const { cspaNumber } = incoming;
  if (!existing) {
    const values: MemberValues = { ...NEW_MEMBER_DEFAULTS, ...incoming };
    const changes: Changes = {};
    for (const { field } of IMPORT_COLUMNS) {
      if (values[field] !== null) changes[columnName(field)] = { old: null, new: values[field] };
    }
    return { kind: 'create', line, cspaNumber, values, changes };
  }
  const set: Partial<Record<MemberField, unknown>> = {};
  const changes: Changes = {};
  for (const { field } of IMPORT_COLUMNS) {
    const value = incoming[field];
    if (value === undefined || value === existing[field]) continue;
    set[field] = value;
    changes[columnName(field)] = { old: existing[field], new: value };
  }
  if (Object.keys(set).length === 0) return { kind: 'unchanged', line, cspaNumber };
  return { kind: 'update', line, cspaNumber, member: existing, set: set as Partial<MemberValues>, changes };
}
