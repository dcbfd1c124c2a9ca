import { ImportFileError } from './errors';

/** The columns of the old system's export, by their header name, and the member field each fills. */
export const IMPORT_COLUMNS = [
  { name: 'cspa_number', field: 'cspaNumber', required: true },
  { name: 'first_name', field: 'firstName', required: true },
  { name: 'last_name', field: 'lastName', required: true },
  { name: 'email', field: 'email', required: true },
  { name: 'preferred_language', field: 'preferredLanguage', required: false },
  { name: 'date_of_birth', field: 'dateOfBirth', required: false },
  { name: 'phone', field: 'phone', required: false },
  { name: 'address_line1', field: 'addressLine1', required: false },
  { name: 'address_line2', field: 'addressLine2', required: false },
  { name: 'city', field: 'city', required: false },
  { name: 'province', field: 'province', required: false },
  { name: 'postal_code', field: 'postalCode', required: false },
  { name: 'country', field: 'country', required: false },
  { name: 'category', field: 'categoryCode', required: false },
  { name: 'membership_expires_on', field: 'membershipExpiresOn', required: false },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ColumnName = ImportColumn['name'];
export type MemberField = ImportColumn['field'];

const byName = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((column) => [column.name, column]));

export function columnNamed(name: string): ImportColumn | undefined {
  return byName.get(name);
}

/** Header names are matched case-insensitively, trimmed, without a byte order mark. */
export function normalizeHeaderName(raw: string): string {
  return raw.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/**
 * Checks the header line and returns the column names in file order.
 * Throws an ImportFileError naming every unknown, duplicated, unnamed or missing required column.
 */
export function checkHeader(rawNames: readonly string[]): ColumnName[] {
  const names = rawNames.map(normalizeHeaderName);
  const problems: string[] = [];
  const unnamed = names.flatMap((name, index) => (name === '' ? [index + 1] : []));
  const unknown = names.filter((name) => name !== '' && !byName.has(name));
  const duplicated = [...new Set(names.filter((name, index) => name !== '' && names.indexOf(name) !== index))];
  const missing = IMPORT_COLUMNS.filter((column) => column.required && !names.includes(column.name)).map((c) => c.name);
  if (unknown.length > 0) problems.push(`unknown column${plural(unknown)} ${quoteAll(unknown)}`);
  if (missing.length > 0) problems.push(`missing required column${plural(missing)} ${quoteAll(missing)}`);
  if (duplicated.length > 0) problems.push(`column${plural(duplicated)} ${quoteAll(duplicated)} appear${duplicated.length === 1 ? 's' : ''} twice`);
  if (unnamed.length > 0) problems.push(`column${plural(unnamed)} ${unnamed.join(', ')} ha${unnamed.length === 1 ? 's' : 've'} no name`);
  if (problems.length > 0) {
    throw new ImportFileError(
      `Wrong header: ${problems.join('; ')}. The first line must name the columns; known columns: ${IMPORT_COLUMNS.map((c) => c.name).join(', ')}.`,
    );
  }
  return names as ColumnName[];
}

function plural(list: readonly unknown[]): string {
  return list.length === 1 ? '' : 's';
}

/** At most ten names, shortened and with control characters masked: a garbage header must stay readable. */
function quoteAll(names: readonly string[]): string {
  const shown = names.slice(0, 10).map((name) => {
    const printable = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    return `"${printable.length > 40 ? `${printable.slice(0, 40)}…` : printable}"`;
  });
  return names.length > 10 ? `${shown.join(', ')} and ${names.length - 10} more` : shown.join(', ');
}
