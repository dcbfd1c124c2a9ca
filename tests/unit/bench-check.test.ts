import { describe, expect, it } from 'vitest';
import { compareResults, comparisonTable, regressions, resultsTable, type BenchResults } from '@/scripts/bench/compare';
import { meetsBudget, METRICS, verdict, type MetricDefinition } from '@/scripts/bench/metrics';

const throughput: MetricDefinition = { label: 'rps', unit: 'req/s', better: 'higher', relative: 0.3, absolute: 5, budget: 400 };
const latency: MetricDefinition = { label: 'p50', unit: 'ms', better: 'lower', relative: 0.5, absolute: 2, budget: 5 };

function run(metrics: Record<string, number>, mode: 'full' | 'short' = 'full'): BenchResults {
  return { version: 1, mode, startedAt: '2026-11-23T07:00:00.000Z', conditions: { members: 5000 }, metrics };
}

describe('bench:check verdicts', () => {
  it('calls a throughput more than 30 % below the baseline a regression, and 30 % or less noise', () => {
    expect(verdict(throughput, 69, 100)).toBe('regression');
    expect(verdict(throughput, 70, 100)).toBe('ok');
    expect(verdict(throughput, 131, 100)).toBe('better');
  });

  it('calls a latency worse by more than its share a regression', () => {
    expect(verdict(latency, 16, 10)).toBe('regression');
    expect(verdict(latency, 15, 10)).toBe('ok');
    expect(verdict(latency, 4, 10)).toBe('better');
  });

  it('forgives tiny figures their jitter: 1 ms → 2.9 ms is within the 2 ms allowance', () => {
    expect(verdict(latency, 2.9, 1)).toBe('ok');
    expect(verdict(latency, 3.1, 1)).toBe('regression');
  });

  it('reports a figure missing on either side instead of failing', () => {
    expect(verdict(latency, undefined, 10)).toBe('not measured');
    expect(verdict(latency, 10, undefined)).toBe('new');
  });

  it('treats sizes strictly (10 %), since they do not jitter', () => {
    const js = METRICS['js.home']!;
    expect(verdict(js, 112, 100)).toBe('regression');
    expect(verdict(js, 109, 100)).toBe('ok');
  });

  it('treats a Lighthouse accessibility drop of more than 2 points as a regression', () => {
    const accessibility = METRICS['lighthouse.home.mobile.accessibility']!;
    expect(verdict(accessibility, 97, 100)).toBe('regression');
    expect(verdict(accessibility, 98, 100)).toBe('ok');
  });

  it('reports budgets in the metric’s direction', () => {
    expect(meetsBudget(throughput, 400)).toBe(true);
    expect(meetsBudget(throughput, 399)).toBe(false);
    expect(meetsBudget(latency, 5)).toBe(true);
    expect(meetsBudget(latency, 5.1)).toBe(false);
    expect(meetsBudget({ ...latency, budget: undefined }, 3)).toBeUndefined();
  });

  it('has the issue’s budgets', () => {
    expect(METRICS['profile.c50.rps']!.budget).toBe(400);
    expect(METRICS['card.c50.rps']!.budget).toBe(500);
    expect(METRICS['profile.c1.p50']!.budget).toBe(5);
    expect(METRICS['card.c1.p50']!.budget).toBe(3);
    expect(METRICS['js.profile']!.budget).toBe(140);
    expect(METRICS['card.kib']!.budget).toBe(30);
    expect(METRICS['coldStart.ms']!.budget).toBe(1000);
    expect(METRICS['lighthouse.home.mobile.performance']!.budget).toBe(95);
    expect(METRICS['lighthouse.home.desktop.performance']!.budget).toBe(100);
    expect(METRICS['lighthouse.profile.mobile.accessibility']!.budget).toBe(100);
    expect(METRICS['lighthouse.verify.mobile.seo']).toBeUndefined();
  });
});

describe('bench:check comparison', () => {
  it('finds the regressions of a run against its baseline and ignores budgets', () => {
    const baseline = run({ 'profile.c50.rps': 300, 'card.kib': 16, 'js.home': 135 });
    const current = run({ 'profile.c50.rps': 150, 'card.kib': 16.2, 'js.home': 145 });
    const rows = compareResults(current, baseline);
    expect(regressions(rows).map((row) => row.key)).toEqual(['profile.c50.rps']);
    expect(rows.find((row) => row.key === 'js.home')).toMatchObject({ verdict: 'ok', withinBudget: false });
  });

  it('passes an identical run, and a run whose baseline is missing', () => {
    const figures = run({ 'profile.c50.rps': 300, 'coldStart.ms': 900 });
    expect(regressions(compareResults(figures, figures))).toEqual([]);
    expect(regressions(compareResults(figures, undefined))).toEqual([]);
  });

  it('does not fail a short run for what only a full run measures (Lighthouse)', () => {
    const baseline = run({ 'profile.c50.rps': 300, 'lighthouse.home.mobile.performance': 98 });
    const rows = compareResults(run({ 'profile.c50.rps': 290 }, 'short'), baseline);
    expect(rows.find((row) => row.key === 'lighthouse.home.mobile.performance')?.verdict).toBe('not measured');
    expect(regressions(rows)).toEqual([]);
  });

  it('prints current, baseline, change, verdict and budget in one table', () => {
    const table = comparisonTable(compareResults(run({ 'profile.c50.rps': 150 }), run({ 'profile.c50.rps': 300 })));
    expect(table).toContain('profile page, 50 clients, throughput');
    expect(table).toMatch(/150\s+300\s+-50 %\s+REGRESSION\s+≥ 400 MISSED/);
  });

  it('prints one run’s figures with their budgets', () => {
    const table = resultsTable(run({ 'card.kib': 15.8, 'coldStart.ms': 1400 }));
    expect(table).toMatch(/card size\s+KiB\s+15\.8\s+≤ 30.0 met/);
    expect(table).toMatch(/cold start to first 200\s+ms\s+1400\s+≤ 1000 MISSED/);
  });
});
