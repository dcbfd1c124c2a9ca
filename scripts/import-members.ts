import path from 'node:path';
import { closeDb, getDb } from '@/db/client';
import { importMembers } from '@/lib/members/import/import-members';
import { formatImportReport, importExitCode } from '@/lib/members/import/report';

// `npm run members:import -- [--dry-run] FILE.csv`: imports the old membership system's export (README).
const USAGE = 'Usage: npm run members:import -- [--dry-run] FILE.csv';

const args = process.argv.slice(2);
// Without `--`, npm keeps `--dry-run` for itself and only says so in npm_config_dry_run: honour it
// rather than import for real when a dry run was asked for.
const dryRun = args.includes('--dry-run') || process.env.npm_config_dry_run === 'true';
const files = args.filter((arg) => arg !== '--dry-run');

if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else if (files.length !== 1 || files[0]!.startsWith('-')) {
  console.error(files.length === 0 ? 'No file given.' : `Expected one file, got: ${files.join(' ')}`);
  console.error(USAGE);
  process.exitCode = 2;
} else {
  const file = files[0]!;
  try {
    const report = await importMembers(await getDb(), path.resolve(file), { dryRun });
    const output = formatImportReport(report, file);
    if (importExitCode(report) === 0) console.log(output);
    else console.error(output);
    process.exitCode = importExitCode(report);
  } catch (error) {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nothing was imported.');
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
}
