import 'server-only';
import type { Executor } from '@/db/client';
import { duplicateLines } from './duplicates';
import { loadCategoryCodes, loadEmailOwners, loadMembersByNumber } from './lookups';
import type { ExistingMember } from './plan';
import type { CsvRow } from './read-file';
import type { RejectedRow } from './report';
import { createRowValidator, type ImportedMember } from './validate-row';

export type CheckedRows = {
  valid: { line: number; member: ImportedMember }[];
  rejected: RejectedRow[];
  existing: Map<string, ExistingMember>;
};

/**
 * Validates every row, then what no single row shows: numbers or emails twice in the file,
 * and emails another member of the database already uses (compared case-insensitively).
 */
export async function checkRows(db: Executor, rows: readonly CsvRow[], today: string): Promise<CheckedRows> {
  const records = rows.flatMap((row) => ('record' in row ? [{ line: row.line, record: row.record }] : []));
  const existing = await loadMembersByNumber(db, records.map(({ record }) => cell(record, 'cspa_number')));
  const validate = createRowValidator({ categories: await loadCategoryCodes(db), today });
  const problems = new Map<number, string[]>();
  const reject = (line: number, reason: string) => problems.set(line, [...(problems.get(line) ?? []), reason]);
  const valid: CheckedRows['valid'] = [];

  for (const row of rows) {
    if ('malformed' in row) {
      reject(row.line, `the record ${row.malformed}`);
      continue;
    }
    const result = validate(row.record, existing.get(cell(row.record, 'cspa_number'))?.country);
    if (result.ok) valid.push({ line: row.line, member: result.member });
    else for (const reason of result.reasons) reject(row.line, reason);
  }

  const sameNumber = duplicateLines(records.map(({ line, record }) => ({ line, key: cell(record, 'cspa_number') })));
  for (const [line, others] of sameNumber) reject(line, `cspa_number: also on line ${others.join(', ')} of the file`);
  const sameEmail = duplicateLines(records.map(({ line, record }) => ({ line, key: cell(record, 'email').toLowerCase() })));
  for (const [line, others] of sameEmail) reject(line, `email: also on line ${others.join(', ')} of the file`);

  const owners = await loadEmailOwners(db, valid.map(({ member }) => member.email.toLowerCase()));
  for (const { line, member } of valid) {
    const owner = owners.get(member.email.toLowerCase());
    if (owner !== undefined && owner !== member.cspaNumber) {
      reject(line, `email: ${member.email} is already used by member ${owner}`);
    }
  }

  const numberOnLine = new Map(records.map(({ line, record }) => [line, cell(record, 'cspa_number')]));
  const rejected = [...problems]
    .sort(([a], [b]) => a - b)
    .map(([line, reasons]) => ({ line, cspaNumber: numberOnLine.get(line)?.slice(0, 20) || null, reasons }));
  return { valid: rejected.length === 0 ? valid : [], rejected, existing };
}

function cell(record: Record<string, string>, column: string): string {
  return record[column]?.trim() ?? '';
}
