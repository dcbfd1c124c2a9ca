import { expect, test } from './fixtures';

test.describe('language', () => {
  test('the root sends a French browser to /fr', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/fr$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portail des membres');
  });

  test.describe('with a browser in neither language', () => {
    test.use({ locale: 'de-DE' });

    test('the root falls back to French', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/fr$/);
    });
  });

  test.describe('with an English browser', () => {
    test.use({ locale: 'en-CA' });

    test('the root sends it to /en', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/en$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Member portal');
    });

    test('a language chosen earlier wins over the browser’s', async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL! }]);
      await page.goto('/');
      await expect(page).toHaveURL(/\/fr$/);
    });
  });

  test('the language menu switches to English and keeps the member on the same page', async ({ page }) => {
    await page.goto('/fr/page-qui-nexiste-pas');
    await page.getByText('Français', { exact: true }).first().click();
    const menu = page.getByRole('navigation', { name: 'Langue' });
    await expect(menu.getByRole('link', { name: 'Français' })).toHaveAttribute('aria-current', 'true');
    await menu.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/page-qui-nexiste-pas$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('the chosen language is remembered for the next visit to the root', async ({ page }) => {
    await page.goto('/fr');
    await page.getByText('Français', { exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/en$/);
  });

  test('each language is named in its own language', async ({ page }) => {
    await page.goto('/en');
    await page.getByText('English', { exact: true }).first().click();
    const menu = page.getByRole('navigation', { name: 'Language' });
    await expect(menu.getByRole('link', { name: 'Français' })).toHaveAttribute('lang', 'fr');
    await expect(menu.getByRole('link', { name: 'English' })).toHaveAttribute('lang', 'en');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the language menu opens and switches language', async ({ page }) => {
    await page.goto('/fr');
    await page.getByText('Français', { exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Member portal');
  });
});

test.describe('home page', () => {
  test('says what the portal is for and links to sign-in, first-time help and renewal', async ({ page }) => {
    await page.goto('/fr');
    const main = page.getByRole('main');
    await expect(page.getByRole('banner')).toContainText('ACPS');
    await expect(main.getByRole('link', { name: 'Connecter' })).toHaveAttribute('href', '/fr/login');
    await expect(main.getByRole('link', { name: 'Aide pour la première connexion' })).toHaveAttribute('href', '/fr/login#first-time');
    await expect(main.getByRole('link', { name: 'Renouveler' })).toHaveAttribute('href', '/fr/account/renew');
  });

  test('is usable 360 pixels wide without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/fr');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'Connecter' })).toBeInViewport();
  });
});

test.describe('not found', () => {
  test('an unknown page answers 404 with a French page under /fr', async ({ page }) => {
    const response = await page.goto('/fr/nimporte-quoi/encore');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('and an English page under /en', async ({ page }) => {
    const response = await page.goto('/en/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/en');
  });
});
