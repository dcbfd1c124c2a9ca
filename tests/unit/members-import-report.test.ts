import { describe, expect, it } from 'vitest';
import { formatImportReport, importExitCode, type ImportReport } from '@/lib/members/import/report';

const format = { encoding: 'windows-1252', delimiter: ';' } as const;

describe('formatImportReport', () => {
  it('summarizes a successful import and exits 0', () => {
    const report: ImportReport = {
      status: 'ok',
      dryRun: false,
      format,
      rowCount: 3,
      created: [{ line: 2, cspaNumber: '30001' }],
      updated: [{ line: 3, cspaNumber: '30002', columns: ['phone', 'city'] }],
      unchanged: [{ line: 5, cspaNumber: '30003' }],
    };
    expect(formatImportReport(report, 'export.csv')).toBe(
      [
        'export.csv: 3 member rows (Windows-1252, separated by ";")',
        'Created: 1 (CSPA 30001)',
        'Updated: 1',
        '  line 3 (CSPA 30002): phone, city',
        'Unchanged: 1',
        'Rejected: 0',
        'Import complete.',
      ].join('\n'),
    );
    expect(importExitCode(report)).toBe(0);
  });

  it('says what a dry run would do', () => {
    const text = formatImportReport(
      { status: 'ok', dryRun: true, format, rowCount: 1, created: [{ line: 2, cspaNumber: '30001' }], updated: [], unchanged: [] },
      'export.csv',
    );
    expect(text).toContain('dry run');
    expect(text).toContain('Would create: 1');
    expect(text).toContain('Dry run: nothing was changed.');
  });

  it('lists every rejected row with its line and reasons, and exits 1', () => {
    const report: ImportReport = {
      status: 'rejected',
      dryRun: false,
      format,
      rowCount: 4,
      rejected: [
        { line: 3, cspaNumber: '30002', reasons: ['email: "x" is not a valid email address', 'phone: "1" is not a valid phone number'] },
        { line: 7, cspaNumber: null, reasons: ['cspa_number: is required'] },
      ],
    };
    const text = formatImportReport(report, 'export.csv');
    expect(text).toContain('Rejected: 2 rows');
    expect(text).toContain('  line 3 (CSPA 30002): email: "x" is not a valid email address; phone: "1" is not a valid phone number');
    expect(text).toContain('  line 7: cspa_number: is required');
    expect(text).toContain('Nothing was imported');
    expect(importExitCode(report)).toBe(1);
  });

  it('explains a bad file and exits 1', () => {
    const report: ImportReport = { status: 'bad-file', dryRun: false, problem: 'The file is empty.' };
    expect(formatImportReport(report, 'empty.csv')).toBe('Cannot import empty.csv: The file is empty.\nNothing was imported.');
    expect(importExitCode(report)).toBe(1);
  });
});
