import 'server-only';
import type { Database } from '@/db/client';
import { todayIso } from '@/lib/dates';
import { applyPlan } from './apply';
import { checkRows } from './check-rows';
import { checkHeader } from './columns';
import { ImportFileError } from './errors';
import { planRow } from './plan';
import { readCsvRows, type CsvRow } from './read-file';
import type { ImportReport } from './report';
import { sniffFormat, type SourceFormat } from './sniff';
import { sourceSize, type CsvSource } from './source';

export type ImportOptions = {
  /** Validate and report what would change; write nothing. */
  dryRun?: boolean;
  /** YYYY-MM-DD; birth dates after it are refused. Defaults to today in the association's time zone. */
  today?: string;
  /** Size limit in bytes (50 MB by default). */
  maxBytes?: number;
};

/**
 * Imports the old membership system's CSV export, all or nothing, in one transaction.
 * File problems and rejected rows come back in the report with nothing written; other failures throw.
 */
export async function importMembers(db: Database, source: CsvSource, options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const read = await readSource(source, options.maxBytes);
  if ('problem' in read) return { status: 'bad-file', dryRun, problem: read.problem };
  const { format, rows } = read;

  return db.transaction(async (tx): Promise<ImportReport> => {
    const { valid, rejected, existing } = await checkRows(tx, rows, options.today ?? todayIso());
    if (rejected.length > 0) return { status: 'rejected', dryRun, format, rowCount: rows.length, rejected };

    const plan = valid.map(({ line, member }) => planRow(line, member, existing.get(member.cspaNumber)));
    if (!dryRun) await applyPlan(tx, plan);
    return {
      status: 'ok',
      dryRun,
      format,
      rowCount: rows.length,
      created: plan.filter((row) => row.kind === 'create').map(({ line, cspaNumber }) => ({ line, cspaNumber })),
      updated: plan.flatMap((row) =>
        row.kind === 'update' ? [{ line: row.line, cspaNumber: row.cspaNumber, columns: Object.keys(row.changes) }] : [],
      ),
      unchanged: plan.filter((row) => row.kind === 'unchanged').map(({ line, cspaNumber }) => ({ line, cspaNumber })),
    };
  });
}

/** Reads the whole file before the transaction opens, so a slow disk never holds database locks. */
async function readSource(
  source: CsvSource,
  maxBytes: number | undefined,
): Promise<{ format: SourceFormat; rows: CsvRow[] } | { problem: string }> {
  try {
    await sourceSize(source, maxBytes);
    const format = await sniffFormat(source);
    const rows: CsvRow[] = [];
    for await (const row of readCsvRows(source, format, checkHeader)) rows.push(row);
    if (rows.length === 0) return { problem: 'The file has a header line but no member rows.' };
    return { format, rows };
  } catch (error) {
    if (error instanceof ImportFileError) return { problem: error.message };
    throw error;
  }
}
