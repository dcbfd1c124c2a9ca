import { expect, test } from './fixtures';
import { expectNoAxeViolations, signIn } from './support';

const publicPages = ['', '/login', '/forgot-password', '/forgot-username', '/reset-password?token=not-a-real-token', '/page-introuvable', '/verify/AAAAAAAAAAAAAAAAAAAAAA'];

for (const locale of ['fr', 'en'] as const) {
  test.describe(`accessibility in ${locale}`, () => {
    test.use({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });

    test('public pages have no WCAG 2.2 AA violation', async ({ page }) => {
      for (const path of publicPages) {
        await page.goto(`/${locale}${path}`);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expectNoAxeViolations(page);
      }
    });

    test('signed-in pages have no WCAG 2.2 AA violation, errors included', async ({ page }) => {
      await page.goto(`/${locale}/login`);
      await page.getByRole('main').getByRole('button', { name: locale === 'fr' ? 'Connexion' : 'Sign in' }).click();
      await expect(page.getByText(locale === 'fr' ? 'Ce champ est obligatoire.' : 'This field is required.').first()).toBeVisible();
      await expectNoAxeViolations(page);

      await signIn(page, locale, locale === 'fr' ? 'josee.lapointe@example.com' : 'thomas.brown@example.com', 'un saut de plus avant le coucher');
      await expect(page).toHaveURL(new RegExp(`/${locale}/account$`));
      await expectNoAxeViolations(page);
      await page.goto(`/${locale}/account/password`);
      await page.getByRole('button', { name: locale === 'fr' ? 'Enregistrer le mot de passe' : 'Save password' }).click();
      await expect(page.getByLabel(locale === 'fr' ? 'Mot de passe actuel' : 'Current password')).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
    });

    test('renewal pages have no WCAG 2.2 AA violation, errors included', async ({ page }) => {
      const t = locale === 'fr'
        ? { pay: 'Payer', accept: 'J’accepte la déclaration', error: 'Cochez « J’accepte la déclaration » pour continuer.', invoices: 'Mes factures et reçus' }
        : { pay: 'Pay', accept: 'I accept the declaration', error: 'Check “I accept the declaration” to continue.', invoices: 'My invoices and receipts' };
      await page.goto(`/${locale}/login`);
      // Josée's window is open (60 days left); Jessica's membership has expired: both may renew, neither pays here.
      await signIn(page, locale, locale === 'fr' ? 'josee.lapointe@example.com' : 'jessica.nguyen@example.com', 'un saut de plus avant le coucher');
      // The first sign-in on a server just started can take longer than the usual wait.
      await expect(page).toHaveURL(new RegExp(`/${locale}/account$`), { timeout: 15_000 });
      await page.goto(`/${locale}/account/renew`);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: t.pay, exact: true }).click();
      await expect(page.getByRole('main').getByText(t.error)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('checkbox', { name: t.accept }).check();
      await page.getByRole('button', { name: t.pay, exact: true }).click();
      await expect(page).toHaveURL(/\/demo-payment$/);
      await expectNoAxeViolations(page);
      await page.goto(`/${locale}/account/invoices`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.invoices);
      await expectNoAxeViolations(page);
      await page.getByRole('row').getByRole('link', { name: t.pay, exact: true }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/invoice/[\\w-]+$`));
      await expectNoAxeViolations(page);
      await page.goto(`/${locale}/invoice/not-a-real-link`);
      await expectNoAxeViolations(page);
    });
  });
}
