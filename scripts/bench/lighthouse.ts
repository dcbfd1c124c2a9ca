import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LIGHTHOUSE_CATEGORIES } from './metrics';

export type LighthouseScores = Record<string, number>;
export type LighthouseRun = { scores: LighthouseScores; failedAudits: string[] };

const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';

/**
 * One Lighthouse 12 run (its CLI, in its own Chromium) and the category scores out of 100.
 * Mobile is Lighthouse's default (simulated slow 4G and a 4× slower CPU); desktop uses its desktop preset.
 */
export async function runLighthouse(options: {
  url: string;
  formFactor: 'mobile' | 'desktop';
  categories: readonly string[];
  cookie?: string;
  chromePath?: string;
}): Promise<LighthouseRun> {
  const folder = mkdtempSync(path.join(tmpdir(), 'cspa-lighthouse-'));
  const output = path.join(folder, 'report.json');
  const args = [
    'node_modules/lighthouse/cli/index.js',
    options.url,
    '--quiet',
    '--output=json',
    `--output-path=${output}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    `--only-categories=${options.categories.join(',')}`,
    ...(options.formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ...(options.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: options.cookie })}`] : []),
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH: options.chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}: ${stderr.slice(-500)}`))));
    });
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      finalDisplayedUrl: string;
      runtimeError?: { message: string };
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; title: string; details?: { items?: Record<string, unknown>[] } }>;
    };
    if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
    if (new URL(report.finalDisplayedUrl).pathname !== new URL(options.url).pathname) {
      throw new Error(`Lighthouse ended on ${report.finalDisplayedUrl}, not ${options.url} (signed out?)`);
    }
    const scores: LighthouseScores = {};
    for (const category of Object.keys(LIGHTHOUSE_CATEGORIES)) {
      const value = report.categories[category]?.score;
      if (typeof value === 'number') scores[category] = Math.round(value * 100);
    }
    // Rule audits that cost points outside Performance, so a score below 100 says why.
    const failedAudits = Object.entries(report.categories)
      .filter(([category]) => category !== 'performance')
      .flatMap(([category, { auditRefs }]) =>
        auditRefs
          .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && (report.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => {
            const audit = report.audits[ref.id]!;
            // Issue types (inspector-issues) or the first offending element, so the cause is on screen.
            const items = (audit.details?.items ?? []).slice(0, 3).map((item) => String(item.issueType ?? (item.node as { snippet?: string } | undefined)?.snippet ?? item.url ?? '').slice(0, 120));
            return `${category}: ${ref.id} (${audit.title})${items.length > 0 ? ` — ${items.join('; ')}` : ''}`;
          }),
      );
    return { scores, failedAudits };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
