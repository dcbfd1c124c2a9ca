import type { SourceFormat } from './sniff';

export type RowRef = { line: number; cspaNumber: string };
export type UpdatedRow = RowRef & { columns: string[] };
export type RejectedRow = { line: number; cspaNumber: string | null; reasons: string[] };

/** What an import did (or, with dryRun, would do). Only status 'ok' without dryRun changed the database. */
export type ImportReport =
  | { status: 'bad-file'; dryRun: boolean; problem: string }
  | { status: 'rejected'; dryRun: boolean; format: SourceFormat; rowCount: number; rejected: RejectedRow[] }
  | {
      status: 'ok';
      dryRun: boolean;
      format: SourceFormat;
      rowCount: number;
      created: RowRef[];
      updated: UpdatedRow[];
      unchanged: RowRef[];
    };

export function importExitCode(report: ImportReport): 0 | 1 {
  return report.status === 'ok' ? 0 : 1;
}

const MAX_LISTED_UPDATES = 50;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The summary the command line prints. */
export function formatImportReport(report: ImportReport, fileName: string): string {
  if (report.status === 'bad-file') {
    return [`Cannot import ${fileName}: ${report.problem}`, 'Nothing was imported.'].join('\n');
  }
  const format = `${report.format.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, separated by "${report.format.delimiter}"`;
  const lines = [`${fileName}: ${plural(report.rowCount, 'member row')} (${format})${report.dryRun ? ' — dry run' : ''}`];
  if (report.status === 'rejected') {
    lines.push(`Rejected: ${plural(report.rejected.length, 'row')}`);
    for (const row of report.rejected) {
      const who = row.cspaNumber ? ` (CSPA ${row.cspaNumber})` : '';
      lines.push(`  line ${row.line}${who}: ${row.reasons.join('; ')}`);
    }
    lines.push('Nothing was imported: correct these rows and run the import again (it is all or nothing).');
    return lines.join('\n');
  }
  const verb = report.dryRun ? 'Would create' : 'Created';
  lines.push(`${verb}: ${report.created.length}${listNumbers(report.created)}`);
  lines.push(`${report.dryRun ? 'Would update' : 'Updated'}: ${report.updated.length}`);
  for (const row of report.updated.slice(0, MAX_LISTED_UPDATES)) {
    lines.push(`  line ${row.line} (CSPA ${row.cspaNumber}): ${row.columns.join(', ')}`);
  }
  if (report.updated.length > MAX_LISTED_UPDATES) lines.push(`  … and ${report.updated.length - MAX_LISTED_UPDATES} more`);
  lines.push(`Unchanged: ${report.unchanged.length}`);
  lines.push('Rejected: 0');
  lines.push(report.dryRun ? 'Dry run: nothing was changed.' : 'Import complete.');
  return lines.join('\n');
}

function listNumbers(rows: readonly RowRef[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 20).map((row) => row.cspaNumber).join(', ');
  return ` (CSPA ${shown}${rows.length > 20 ? `, … ${rows.length - 20} more` : ''})`;
}
