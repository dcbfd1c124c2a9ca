import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Opens the newest email to this address in the dev mailbox, waiting for the after-response delivery to write it. */
export async function openLatestEmail(page: Page, to: string, subject: RegExp): Promise<void> {
  await expect(async () => {
    await page.goto('/dev/mailbox');
    await expect(page.getByRole('link', { name: subject }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const row = page.getByRole('row').filter({ hasText: to }).filter({ has: page.getByRole('link', { name: subject }) }).first();
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByText(to).first()).toBeVisible();
}

export async function signIn(page: Page, locale: 'fr' | 'en', identifier: string, password: string): Promise<void> {
  const labels = locale === 'fr' ? { user: 'Nom d’utilisateur', password: 'Mot de passe', submit: 'Connexion' } : { user: 'Username', password: 'Password', submit: 'Sign in' };
  await page.getByRole('textbox', { name: labels.user, exact: true }).fill(identifier);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: labels.submit }).click();
}

/** WCAG 2.2 AA by axe: the list of violations must be empty. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
