import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Browsers cannot be downloaded on the project's machines: use the system Chromium.
function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execSync(`command -v ${name}`, { encoding: 'utf8', shell: '/bin/sh' }).trim();
      if (found) return found;
    } catch {
      // try the next name
    }
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install Debian\'s package (`sudo apt-get install -y chromium`) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable. (`npx playwright install` needs internet access.)',
  );
}

const database = process.env.E2E_DATABASE ?? 'pglite';
const port = process.env.E2E_PORT ?? (database === 'postgres' ? '3201' : '3200');
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: `chromium-${database}`, testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'], channel: undefined } },
    // The attack suite (tests/security): every test fails if the defence it names is removed.
    { name: `security-${database}`, testDir: 'tests/security', testMatch: '**/*.spec.ts', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    command: 'node --import tsx scripts/e2e-server.ts',
    url: `${baseURL}/fr`,
    env: { E2E_DATABASE: database, E2E_PORT: port },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
