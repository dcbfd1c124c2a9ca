import { formatNumber, formatTable } from './stats';
import { meetsBudget, METRICS, verdict, type MetricDefinition, type Verdict } from './metrics';

/** One benchmark run as written to bench/results/*.json and bench/baseline.json. */
export type BenchResults = {
  version: 1;
  mode: 'full' | 'short';
  startedAt: string;
  conditions: Record<string, string | number | boolean>;
  metrics: Record<string, number>;
};

export type ComparisonRow = {
  key: string;
  definition: MetricDefinition;
  current: number | undefined;
  baseline: number | undefined;
  verdict: Verdict;
  withinBudget: boolean | undefined;
};

export function compareResults(current: BenchResults, baseline: BenchResults | undefined): ComparisonRow[] {
  return Object.entries(METRICS)
    .map(([key, definition]) => {
      const now = current.metrics[key];
      const before = baseline?.metrics[key];
      return { key, definition, current: now, baseline: before, verdict: verdict(definition, now, before), withinBudget: meetsBudget(definition, now) };
    })
    .filter((row) => row.current !== undefined || row.baseline !== undefined);
}

export function regressions(rows: readonly ComparisonRow[]): ComparisonRow[] {
  return rows.filter((row) => row.verdict === 'regression');
}

function budgetCell(row: ComparisonRow): string {
  const { budget, better } = row.definition;
  if (budget === undefined) return '';
  const goal = `${better === 'higher' ? '≥' : '≤'} ${formatNumber(budget)}`;
  if (row.withinBudget === undefined) return goal;
  return `${goal} ${row.withinBudget ? 'met' : 'MISSED'}`;
}

function changeCell(row: ComparisonRow): string {
  if (row.current === undefined || row.baseline === undefined || row.baseline === 0) return '';
  const change = ((row.current - row.baseline) / Math.abs(row.baseline)) * 100;
  return `${change >= 0 ? '+' : ''}${change.toFixed(0)} %`;
}

export function comparisonTable(rows: readonly ComparisonRow[]): string {
  return formatTable(
    ['measure', 'unit', 'current', 'baseline', 'change', 'verdict', 'budget'],
    rows.map((row) => [
      row.definition.label,
      row.definition.unit,
      formatNumber(row.current),
      formatNumber(row.baseline),
      changeCell(row),
      row.verdict === 'regression' ? 'REGRESSION' : row.verdict,
      budgetCell(row),
    ]),
  );
}

/** The figures of one run, in the order of METRICS, with their budget. */
export function resultsTable(results: BenchResults): string {
  const rows = Object.entries(METRICS)
    .filter(([key]) => results.metrics[key] !== undefined)
    .map(([key, definition]) => {
      const value = results.metrics[key];
      const within = meetsBudget(definition, value);
      const goal = definition.budget === undefined ? '' : `${definition.better === 'higher' ? '≥' : '≤'} ${formatNumber(definition.budget)}${within === false ? ' MISSED' : ' met'}`;
      return [definition.label, definition.unit, formatNumber(value), goal];
    });
  return formatTable(['measure', 'unit', 'figure', 'budget'], rows);
}
