import { test as base, expect } from '@playwright/test';

/**
 * Every e2e test fails if the browser reports a Content-Security-Policy violation:
 * a page that only works with the policy off is a broken page.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'CSP violations reported in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
