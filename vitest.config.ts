import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  '@': root,
  // Outside Next's bundler `server-only` throws on import; the code under test is server code.
  'server-only': path.join(root, 'tests/support/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/database-per-file.ts'],
          // Each file gets its own database; two workers suit a 2-core machine.
          maxWorkers: 2,
          testTimeout: 30_000,
          // next-intl imports `next/navigation` without an extension, which only a bundler resolves.
          server: { deps: { inline: ['next-intl'] } },
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The attack suite's server-side half (tests/security/*.test.ts; the *.spec.ts files are Playwright's).
          // Property tests read FC_RUNS: a few hundred runs in CI, thousands in long runs.
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/database-per-file.ts'],
          maxWorkers: 2,
          testTimeout: 60_000,
          server: { deps: { inline: ['next-intl', 'next-auth'] } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
