import { describe, expect, it } from 'vitest';
import { duplicateLines } from '@/lib/members/import/duplicates';
import { planRow, type ExistingMember } from '@/lib/members/import/plan';
import type { ImportedMember } from '@/lib/members/import/validate-row';

const existing: ExistingMember = {
  id: '00000000-0000-4000-8000-000000000001',
  rowVersion: 4,
  cspaNumber: '30001',
  firstName: 'Hélène',
  lastName: 'Côté',
  email: 'helene@example.org',
  preferredLanguage: 'fr',
  dateOfBirth: '1975-11-23',
  phone: '+15145550142',
  addressLine1: '350, boulevard René-Lévesque Ouest',
  addressLine2: null,
  city: 'Montréal',
  province: 'QC',
  postalCode: 'H2Z 1A6',
  country: 'CA',
  categoryCode: 'HONORARY',
  membershipExpiresOn: '2027-03-31',
};

describe('planRow', () => {
  it('creates a new member with defaults for what the file leaves out', () => {
    const plan = planRow(2, { cspaNumber: '30009', firstName: 'Zoë', lastName: 'Roy', email: 'zoe@example.org' }, undefined);
    expect(plan).toEqual({
      kind: 'create',
      line: 2,
      cspaNumber: '30009',
      values: expect.objectContaining({ preferredLanguage: 'fr', country: 'CA', categoryCode: 'FULL', phone: null }),
      changes: {
        cspa_number: { old: null, new: '30009' },
        first_name: { old: null, new: 'Zoë' },
        last_name: { old: null, new: 'Roy' },
        email: { old: null, new: 'zoe@example.org' },
        preferred_language: { old: null, new: 'fr' },
        country: { old: null, new: 'CA' },
        category_code: { old: null, new: 'FULL' },
      },
    });
  });

  it('updates only the changed fields the file gives, leaving absent ones alone', () => {
    const plan = planRow(
      5,
      { cspaNumber: '30001', firstName: 'Hélène', lastName: 'Côté-Bélanger', email: 'helene@example.org', phone: null, addressLine2: null },
      existing,
    );
    expect(plan).toEqual({
      kind: 'update',
      line: 5,
      cspaNumber: '30001',
      member: existing,
      set: { lastName: 'Côté-Bélanger', phone: null },
      changes: { last_name: { old: 'Côté', new: 'Côté-Bélanger' }, phone: { old: '+15145550142', new: null } },
    });
  });

  it('reports a row equal to the database as unchanged', () => {
    const same = Object.fromEntries(Object.entries(existing).filter(([key]) => key !== 'id' && key !== 'rowVersion'));
    expect(planRow(3, same as ImportedMember, existing)).toEqual({ kind: 'unchanged', line: 3, cspaNumber: '30001' });
  });
});

describe('duplicateLines', () => {
  it('maps each repeated key to the other lines that have it, ignoring empty keys', () => {
    const result = duplicateLines([
      { line: 2, key: '30001' },
      { line: 3, key: '30002' },
      { line: 5, key: '30001' },
      { line: 6, key: '' },
      { line: 7, key: '' },
      { line: 9, key: '30001' },
    ]);
    expect([...result]).toEqual([
      [2, [5, 9]],
      [5, [2, 9]],
      [9, [2, 5]],
    ]);
  });

  it('compares keys as given: leading zeros make another number', () => {
    expect(duplicateLines([{ line: 2, key: '0123' }, { line: 3, key: '123' }]).size).toBe(0);
  });
});
