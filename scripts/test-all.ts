import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm test`: unit, integration and security (vitest) tests, then one production build, then the end-to-end
 * suite and the attack suite (tests/security), each against its own freshly seeded server. Everything that
 * touches a database runs on the embedded PGlite, and again on a real PostgreSQL when TEST_DATABASE_URL is set. Prints one closing line counting every suite: "N passed, N failed".
 * Lint and typecheck come first; `npm test -- --no-e2e` skips the build and browser tests (quick local loop).
 * After a build, a short benchmark prints figures (`--no-bench` skips it); it never changes the outcome.
 */

type Outcome = { passed: number; failed: number; skipped: number };
type Step = { name: string; command: string[]; env?: Record<string, string>; report?: 'vitest' | 'playwright'; timeoutSeconds?: number };

const resultsDir = path.resolve('test-results/summary');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const withE2e = !process.argv.includes('--no-e2e');
const realDatabase = process.env.TEST_DATABASE_URL;

function vitestStep(name: string, project: string, env: Record<string, string> = {}): Step {
  const file = path.join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  return {
    name,
    command: ['npx', 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    env,
    report: 'vitest',
  };
}

/** One Playwright project against its own freshly seeded server: `chromium` (tests/e2e) or `security` (tests/security). */
function playwrightStep(project: 'chromium' | 'security', database: 'pglite' | 'postgres'): Step {
  const label = project === 'chromium' ? 'e2e' : 'attacks';
  return {
    name: `${label} (${database === 'pglite' ? 'PGlite' : 'PostgreSQL'})`,
    command: ['npx', 'playwright', 'test', '--project', `${project}-${database}`],
    env: {
      E2E_DATABASE: database,
      PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(resultsDir, `${label}-${database}.json`),
    },
    report: 'playwright',
  };
}

const steps: Step[] = [
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  vitestStep('unit', 'unit'),
  vitestStep('integration (PGlite)', 'integration', { TEST_DATABASE_URL: '' }),
  vitestStep('security (PGlite)', 'security', { TEST_DATABASE_URL: '' }),
];
if (realDatabase) {
  steps.push(vitestStep('integration (PostgreSQL)', 'integration', { TEST_DATABASE_URL: realDatabase }));
  steps.push(vitestStep('security (PostgreSQL)', 'security', { TEST_DATABASE_URL: realDatabase }));
}
if (withE2e) {
  steps.push({ name: 'production build', command: ['npx', 'next', 'build'] });
  steps.push(playwrightStep('chromium', 'pglite'));
  steps.push(playwrightStep('security', 'pglite'));
  if (realDatabase) {
    steps.push(playwrightStep('chromium', 'postgres'));
    steps.push(playwrightStep('security', 'postgres'));
  }
}

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const [command, ...args] = step.command as [string, ...string[]];
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...step.env };
    if (step.env?.TEST_DATABASE_URL === '') delete env.TEST_DATABASE_URL;
    const child = spawn(command, args, { stdio: 'inherit', env });
    // A step with a time limit is stopped (SIGTERM, then its own cleanup runs) when it overstays.
    const timer = step.timeoutSeconds ? setTimeout(() => child.kill('SIGTERM'), step.timeoutSeconds * 1000) : undefined;
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

function readOutcome(step: Step, exitCode: number): Outcome {
  const failedRun = { passed: 0, failed: 1, skipped: 0 };
  try {
    if (step.report === 'vitest') {
      const file = step.command.find((a) => a.startsWith('--outputFile.json='))!.split('=')[1]!;
      const json = JSON.parse(readFileSync(file, 'utf8'));
      const outcome = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
      // A suite that crashed outside any test still fails the run.
      return exitCode !== 0 && outcome.failed === 0 ? { ...outcome, failed: 1 } : outcome;
    }
    if (step.report === 'playwright') {
      const json = JSON.parse(readFileSync(step.env!.PLAYWRIGHT_JSON_OUTPUT_FILE!, 'utf8'));
      const outcome = { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped };
      return exitCode !== 0 && outcome.failed === 0 ? { ...outcome, failed: 1 } : outcome;
    }
    // lint, typecheck and the build count as one check each.
    return exitCode === 0 ? { passed: 1, failed: 0, skipped: 0 } : failedRun;
  } catch {
    return exitCode === 0 ? { passed: 0, failed: 0, skipped: 0 } : failedRun;
  }
}

const summary: { name: string; outcome: Outcome; seconds: number }[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const exitCode = await run(step);
  summary.push({ name: step.name, outcome: readOutcome(step, exitCode), seconds: Math.round((Date.now() - started) / 1000) });
  // Without a build there is nothing for the browser tests to open.
  if (step.name === 'production build' && exitCode !== 0) break;
}

// Figures only: the short benchmark runs on the build the e2e step used and can never fail the run,
// so it stays out of the pass/fail counts below (its own line says whether it produced figures).
let benchLine: string | undefined;
const built = summary.some((s) => s.name === 'production build' && s.outcome.failed === 0);
if (built && !process.argv.includes('--no-bench')) {
  console.log('\n=== short benchmark (figures only, never fails the run) ===');
  const started = Date.now();
  const exitCode = await run({ name: 'short benchmark', command: ['npx', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/bench.ts', '--short'], timeoutSeconds: 300 });
  const seconds = Math.round((Date.now() - started) / 1000);
  benchLine = exitCode === 0 ? `figures printed above (${seconds}s)` : `did not finish (exit ${exitCode}), see above; not counted (${seconds}s)`;
  if (exitCode !== 0) console.log(`The short benchmark did not finish (exit ${exitCode}); this does not fail the run.`);
}

console.log('\n=== Summary ===');
for (const { name, outcome, seconds } of summary) {
  console.log(`${name.padEnd(28)} ${String(outcome.passed).padStart(4)} passed ${String(outcome.failed).padStart(3)} failed ${String(outcome.skipped).padStart(3)} skipped  (${seconds}s)`);
}
if (benchLine) console.log(`${'short benchmark'.padEnd(28)} ${benchLine}`);
const passed = summary.reduce((sum, s) => sum + s.outcome.passed, 0);
const failed = summary.reduce((sum, s) => sum + s.outcome.failed, 0);
if (!realDatabase) console.log('(TEST_DATABASE_URL unset: the real-PostgreSQL runs were not part of this run.)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
