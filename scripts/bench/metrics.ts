/**
 * What the benchmark measures, which way is better, how much noise a metric tolerates before
 * bench:check calls it a regression, and the budget it is reported against. Pure data and functions.
 */

export type Direction = 'higher' | 'lower';

export type MetricDefinition = {
  label: string;
  unit: string;
  better: Direction;
  /** Worse than the baseline by more than this share (0.3 = 30 %) … */
  relative: number;
  /** … and by more than this amount in the metric's unit: tiny figures jitter by a large share. */
  absolute: number;
  /** A goal reported against, not a gate. */
  budget?: number;
};

// Throughput and latency move by a third between runs on a shared 2-core machine (measured: the same
// build gave 15 and 35 req/s): a regression must be larger than that to count.
const throughput = (label: string, budget?: number): MetricDefinition => ({ label, unit: 'req/s', better: 'higher', relative: 0.4, absolute: 5, budget });
const latency = (label: string, options: { relative?: number; absolute?: number; budget?: number } = {}): MetricDefinition => ({
  label,
  unit: 'ms',
  better: 'lower',
  relative: options.relative ?? 0.3,
  absolute: options.absolute ?? 1,
  budget: options.budget,
});
// Sizes do not jitter: a 10 % growth is a real change.
const size = (label: string, budget?: number): MetricDefinition => ({ label, unit: 'KiB', better: 'lower', relative: 0.1, absolute: 1, budget });
const score = (label: string, budget: number, absolute: number): MetricDefinition => ({ label, unit: 'score', better: 'higher', relative: 0, absolute, budget });

export const JS_PAGES = { home: 'home', signIn: 'sign-in', forgotPassword: 'forgot password', profile: 'profile', changePassword: 'change password', verify: 'verification' } as const;
export const LIGHTHOUSE_PAGES = { home: 'home', signIn: 'sign-in', profile: 'profile', verify: 'verification' } as const;
export const LIGHTHOUSE_CATEGORIES = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best Practices', seo: 'SEO' } as const;

function definitions(): Record<string, MetricDefinition> {
  const metrics: Record<string, MetricDefinition> = {};
  for (const [route, name, rpsBudget, p50Budget] of [
    ['profile', 'profile page', 400, 5],
    ['card', 'card route', 500, 3],
  ] as const) {
    // One client: a few milliseconds, so the absolute slack matters more than the share.
    metrics[`${route}.c1.p50`] = latency(`${name}, 1 client, p50`, { relative: 0.75, absolute: 2, budget: p50Budget });
    metrics[`${route}.c1.p95`] = latency(`${name}, 1 client, p95`, { relative: 1, absolute: 3 });
    metrics[`${route}.c50.rps`] = throughput(`${name}, 50 clients, throughput`, rpsBudget);
    metrics[`${route}.c50.p50`] = latency(`${name}, 50 clients, p50`, { relative: 0.5, absolute: 5 });
    metrics[`${route}.c50.p95`] = latency(`${name}, 50 clients, p95`, { relative: 0.6, absolute: 10 });
    metrics[`${route}.c50.p99`] = latency(`${name}, 50 clients, p99`, { relative: 1, absolute: 20 });
    // The server's own CPU time per request: what the code costs, much less sensitive to a busy machine.
    metrics[`${route}.cpuMsPerRequest`] = latency(`${name}, server CPU per request`, { relative: 0.3, absolute: 1 });
  }
  for (const [key, name] of Object.entries(JS_PAGES)) metrics[`js.${key}`] = size(`client JS, ${name} (gzip)`, 140);
  metrics['card.kib'] = size('card size', 30);
  // Starting a process on a busy machine varies a lot.
  metrics['coldStart.ms'] = latency('cold start to first 200', { relative: 0.5, absolute: 300, budget: 1000 });
  metrics['signIn.knownMedian'] = latency('sign-in, known account, wrong password, median', { relative: 0.5, absolute: 10 });
  metrics['signIn.unknownMedian'] = latency('sign-in, unknown account, median', { relative: 0.5, absolute: 10 });
  // The enumeration signal: how far apart the two medians are. Small by design; a few ms of noise.
  metrics['signIn.gapMs'] = latency('sign-in timing gap |known − unknown|', { relative: 1, absolute: 8, budget: 5 });
  metrics['flood.quietP50'] = latency('profile p50, quiet', { relative: 0.5, absolute: 2 });
  metrics['flood.floodedP50'] = latency('profile p50, during a sign-in flood', { relative: 0.6, absolute: 10 });
  for (const [page, pageName] of Object.entries(LIGHTHOUSE_PAGES)) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      for (const [category, categoryName] of Object.entries(LIGHTHOUSE_CATEGORIES)) {
        if (page === 'verify' && category === 'seo') continue; // noindex by design
        const performance = category === 'performance';
        const budget = performance && formFactor === 'mobile' ? 95 : 100;
        // Lab performance scores move by several points between runs; the others are rule checks.
        metrics[`lighthouse.${page}.${formFactor}.${category}`] = score(`Lighthouse ${pageName}, ${formFactor}, ${categoryName}`, budget, performance ? 8 : 2);
      }
    }
  }
  return metrics;
}

export const METRICS: Readonly<Record<string, MetricDefinition>> = definitions();

export type Verdict = 'ok' | 'better' | 'regression' | 'new' | 'not measured';

/** Whether `current` is worse than `baseline` by more than the metric's noise allowance. */
export function verdict(definition: MetricDefinition, current: number | undefined, baseline: number | undefined): Verdict {
  if (current === undefined || Number.isNaN(current)) return 'not measured';
  if (baseline === undefined || Number.isNaN(baseline)) return 'new';
  const allowance = Math.max(Math.abs(baseline) * definition.relative, definition.absolute);
  const worseBy = definition.better === 'higher' ? baseline - current : current - baseline;
  if (worseBy > allowance) return 'regression';
  if (-worseBy > allowance) return 'better';
  return 'ok';
}

export function meetsBudget(definition: MetricDefinition, current: number | undefined): boolean | undefined {
  if (definition.budget === undefined || current === undefined || Number.isNaN(current)) return undefined;
  return definition.better === 'higher' ? current >= definition.budget : current <= definition.budget;
}
