import { expect, test } from './fixtures';
import { expectNoAxeViolations, openLatestEmail, signIn } from './support';

const PASSWORD = 'un saut de plus avant le coucher';

const words = {
  fr: {
    line1: 'Adresse',
    city: 'Ville',
    province: 'Province ou territoire',
    postalCode: 'Code postal',
    phone: 'Téléphone principal (facultatif)',
    save: 'Enregistrer',
    saved: 'Modifications enregistrées.',
    postalError: 'Code postal canadien invalide. Exemple : H2X 1Y4.',
    newEmail: 'Nouvelle adresse courriel',
    currentPassword: 'Mot de passe actuel',
    changeEmail: 'Changer d’adresse',
    linkSent: 'Un lien de confirmation a été envoyé',
    confirmSubject: /Confirmez votre nouvelle adresse courriel/,
    confirm: 'Confirmer la nouvelle adresse',
    confirmed: 'Votre adresse courriel est maintenant',
    signOut: 'Déconnexion',
  },
  en: {
    line1: 'Street address',
    city: 'City',
    province: 'Province or territory',
    postalCode: 'Postal code',
    phone: 'Main phone (optional)',
    save: 'Save',
    saved: 'Changes saved.',
    postalError: 'Not a valid Canadian postal code. Example: H2X 1Y4.',
    newEmail: 'New email address',
    currentPassword: 'Current password',
    changeEmail: 'Change address',
    linkSent: 'A confirmation link was sent',
    confirmSubject: /Confirm your new email address/,
    confirm: 'Confirm the new address',
    confirmed: 'Your email address is now',
    signOut: 'Sign out',
  },
} as const;

const cases = [
  { locale: 'fr' as const, browserLocale: 'fr-CA', email: 'francois.pelletier@example.com', oldCity: 'Trois-Rivières', newEmail: 'f.pelletier@exemple.ca', city: 'Montréal', province: 'QC', postal: 'h3b1k9', normalized: 'H3B 1K9', phone: '438 555 0199', phoneShown: '(438) 555-0199' },
  { locale: 'en' as const, browserLocale: 'en-CA', email: 'david.chen@example.com', oldCity: 'Toronto', newEmail: 'd.chen@example.net', city: 'Vancouver', province: 'BC', postal: 'v6b 1a1', normalized: 'V6B 1A1', phone: '+1 604-555-0142', phoneShown: '(604) 555-0142' },
];

for (const c of cases) {
  test.describe(`profile in ${c.locale}`, () => {
    test.use({ locale: c.browserLocale });

    test('shows the address at once, saves address and phone, explains a bad postal code, and changes the email by link', async ({ page }) => {
      const w = words[c.locale];
      await page.goto(`/${c.locale}/login`);
      await signIn(page, c.locale, c.email, PASSWORD);
      await expect(page).toHaveURL(new RegExp(`/${c.locale}/account$`));

      // The address is on the page without clicking anything.
      await expect(page.getByTestId('address-on-file')).toContainText(c.oldCity);
      await expectNoAxeViolations(page);

      const address = page.getByRole('form', { name: c.locale === 'fr' ? 'Adresse postale' : 'Postal address' });
      await address.getByLabel(w.line1, { exact: true }).fill('1200 Sainte-Catherine');
      await address.getByLabel(w.city, { exact: true }).fill(c.city);
      await address.getByLabel(w.province).selectOption(c.province);
      await address.getByLabel(w.postalCode).fill(c.postal);
      await address.getByRole('button', { name: w.save }).click();
      await expect(address.getByRole('status')).toHaveText(w.saved);

      const phones = page.getByRole('form', { name: c.locale === 'fr' ? 'Téléphones' : 'Phone numbers' });
      await phones.getByLabel(w.phone).fill(c.phone);
      await phones.getByRole('button', { name: w.save }).click();
      await expect(phones.getByRole('status')).toHaveText(w.saved);

      await page.reload();
      await expect(page.getByTestId('address-on-file')).toContainText(c.normalized);
      await expect(page.getByTestId('address-on-file')).toContainText(c.city);
      await expect(page.getByRole('link', { name: c.phoneShown })).toBeVisible();

      // A bad postal code: the error in the page's language, next to the field, with what was typed kept.
      const addressAgain = page.getByRole('form', { name: c.locale === 'fr' ? 'Adresse postale' : 'Postal address' });
      await addressAgain.getByLabel(w.postalCode).fill('ABC 12');
      await addressAgain.getByRole('button', { name: w.save }).click();
      const postal = addressAgain.getByLabel(w.postalCode);
      await expect(postal).toHaveAttribute('aria-invalid', 'true');
      await expect(postal).toHaveAccessibleDescription(w.postalError);
      await expect(postal).toHaveValue('ABC 12');
      await expect(addressAgain.getByLabel(w.city, { exact: true })).toHaveValue(c.city);
      await expectNoAxeViolations(page);

      // Email: a link to the new address; nothing changes until it is confirmed.
      const emailForm = page.getByRole('form', { name: w.changeEmail });
      await emailForm.getByLabel(w.newEmail).fill(c.newEmail);
      await emailForm.getByLabel(w.currentPassword).fill(PASSWORD);
      await emailForm.getByRole('button', { name: w.changeEmail }).click();
      await expect(emailForm.getByRole('status')).toContainText(w.linkSent);

      await openLatestEmail(page, c.newEmail, w.confirmSubject);
      const confirmUrl = await page.getByRole('link', { name: new RegExp(`/${c.locale}/confirm-email\\?token=`) }).getAttribute('href');
      await page.goto(confirmUrl!);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: w.confirm }).click();
      await expect(page.getByRole('status')).toContainText(`${w.confirmed} ${c.newEmail}`);

      await page.goto(`/${c.locale}/account`);
      await page.getByRole('banner').getByRole('button', { name: w.signOut }).click();
      await expect(page).toHaveURL(new RegExp(`/${c.locale}/login\\?signedOut=1`));
      await signIn(page, c.locale, c.newEmail, PASSWORD);
      await expect(page).toHaveURL(new RegExp(`/${c.locale}/account$`));
    });
  });
}
