import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A member who uses only the keyboard: signs in, corrects the address (an error first, announced and tied to
 * its field), saves it and downloads the card, with Tab, Shift+Tab, Enter and Space, typing text, and the focus
 * visible at every step.
 */

const EMAIL = 'helene.cotebelanger@example.com';
const PASSWORD = 'un saut de plus avant le coucher';

/** The focused element draws a visible ring: an outline or a box shadow, not "none". */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      what: `${element.tagName.toLowerCase()} ${element.getAttribute('name') ?? element.textContent?.trim().slice(0, 30) ?? ''}`,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
    };
  });
  expect(focus, 'something has the focus').not.toBeNull();
  expect(focus!.outline || focus!.shadow, `visible focus on ${focus!.what}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until the target has the focus, checking the focus is visible on every stop. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let stop = 0; stop < 80; stop += 1) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target}`);
}

async function replaceText(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('sign in, correct the address and download the card with the keyboard only', async ({ page }) => {
  await page.goto('/fr/login');
  // Keys pressed while React hydrates can be lost (a mouse user would not be faster): start once the page is settled.
  await page.waitForLoadState('networkidle');
  const main = page.getByRole('main');

  await tabTo(page, page.getByRole('textbox', { name: 'Nom d’utilisateur', exact: true }));
  await page.keyboard.type(EMAIL);
  await tabTo(page, page.getByLabel('Mot de passe', { exact: true }));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fr\/account$/);

  // The address form: a wrong postal code first.
  const address = page.getByRole('form', { name: 'Adresse postale' });
  const line1 = address.getByLabel('Adresse', { exact: true });
  const postalCode = address.getByLabel('Code postal');
  await tabTo(page, line1);
  await replaceText(page, '27 rue du Clavier');
  await tabTo(page, postalCode);
  await replaceText(page, 'ABC 12');
  const save = address.getByRole('button', { name: 'Enregistrer' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');

  // Announced (an alert in the form), shown at the field, tied to it and marked invalid.
  await expect(address.getByRole('alert')).toContainText('Le formulaire contient une erreur');
  await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await postalCode.getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(describedBy.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(descriptions.join(' ')).toContain('Code postal canadien invalide');
  await expect(postalCode).toHaveAccessibleDescription(/Code postal canadien invalide/);

  // Back to the field with Shift+Tab, corrected, saved with Space this time.
  await expect(save).toBeFocused();
  await tabTo(page, postalCode, 'Shift+Tab');
  await replaceText(page, 'g1r 4p5');
  await tabTo(page, save);
  await page.keyboard.press('Space');
  await expect(address.getByRole('status')).toHaveText('Modifications enregistrées.');
  await expect(page.getByTestId('address-on-file')).toContainText('27 rue du Clavier');
  await expect(postalCode).not.toHaveAttribute('aria-invalid', 'true');

  // The card: back up the page to its link, Enter downloads it.
  const card = main.getByRole('link', { name: 'Carte PDF Card' });
  await tabTo(page, card, 'Shift+Tab');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^CSPA-ACPS-21000-\d{4}\.pdf$/);
});

test('form errors are announced and tied to their fields, on the sign-in and recovery forms too', async ({ page }) => {
  await page.goto('/fr/forgot-username');
  await page.getByLabel('Numéro ACPS').fill('12a');
  await page.getByLabel('Nom de famille').fill('Sau\u202eteur');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('alert')).toContainText('Le formulaire contient une erreur');
  await expect(page.getByLabel('Numéro ACPS')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Numéro ACPS')).toHaveAccessibleDescription(/chiffres/);
  // A bidirectional override in a name is refused, with the reason.
  await expect(page.getByLabel('Nom de famille')).toHaveAccessibleDescription(/caractères invisibles ou de contrôle/);

  await page.goto('/en/login');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('The form has an error');
  await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription(/required/i);
});

test('a phrase in the other language is marked with its language', async ({ page }) => {
  await page.goto('/fr');
  await page.getByText('Français', { exact: true }).first().click();
  await expect(page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' })).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('contentinfo').getByText('Canadian Sport Parachuting Association (CSPA)')).toHaveAttribute('lang', 'en');
  await page.goto('/en');
  await expect(page.getByRole('contentinfo').getByText('Association canadienne du parachutisme sportif (ACPS)')).toHaveAttribute('lang', 'fr');
});
