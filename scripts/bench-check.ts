import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareResults, comparisonTable, regressions, type BenchResults } from './bench/compare';

/**
 * `npm run bench:check`: the latest run (bench/results/latest.json) against the committed baseline
 * (bench/baseline.json for a full run, bench/baseline-short.json for a short one). Exits 1 when a
 * figure is clearly worse than the baseline (see scripts/bench/metrics.ts for each allowance);
 * budgets are printed as goals and never fail the check.
 */
const { values } = parseArgs({ options: { latest: { type: 'string', default: 'bench/results/latest.json' }, baseline: { type: 'string' } } });

function read(file: string): BenchResults {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
}

if (!existsSync(values.latest)) {
  console.error(`No ${values.latest}: run \`npm run bench\` first.`);
  process.exit(2);
}
const latest = read(values.latest);
const baselineFile = values.baseline ?? (latest.mode === 'short' ? 'bench/baseline-short.json' : 'bench/baseline.json');
const baseline = existsSync(baselineFile) ? read(baselineFile) : undefined;
if (!baseline) console.warn(`No baseline at ${baselineFile}: figures are shown against their budgets only.`);
else if (baseline.mode !== latest.mode) console.warn(`The baseline is a ${baseline.mode} run and the latest a ${latest.mode} one: expect differences.`);

const rows = compareResults(latest, baseline);
console.log(`Latest: ${latest.mode} run of ${latest.startedAt} (${latest.conditions.members} members, load ${latest.conditions.loadAverageBefore})`);
if (baseline) console.log(`Baseline: ${baselineFile}, ${baseline.mode} run of ${baseline.startedAt} (commit ${baseline.conditions.commit})`);
console.log(`\n${comparisonTable(rows)}\n`);
const worse = regressions(rows);
if (worse.length > 0) {
  console.error(`${worse.length} clear regression(s): ${worse.map((row) => row.definition.label).join('; ')}`);
  process.exit(1);
}
console.log('No clear regression against the baseline.');
