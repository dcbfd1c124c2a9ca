import { expect, test } from './fixtures';
import { openLatestEmail, signIn } from './support';

test.describe('in English', () => {
  test.use({ locale: 'en-CA' });

  test('an English member gets the link in English and a used link is refused', async ({ page }) => {
    await page.goto('/en/forgot-password');
    await page.getByLabel('Email').fill('21518');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('status')).toContainText('Check your email');

    await openLatestEmail(page, 'sarah.macdonald@example.com', /Your link to choose a password/);
    const resetUrl = await page.getByRole('link', { name: /\/en\/reset-password\?token=/ }).getAttribute('href');
    await page.goto(resetUrl!);
    await page.getByLabel('New password').fill('tide pools under the cabot trail');
    await page.getByLabel('Confirm password').fill('tide pools under the cabot trail, again');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByText('The two passwords are not the same.')).toBeVisible();

    await page.getByLabel('New password').fill('tide pools under the cabot trail');
    await page.getByLabel('Confirm password').fill('tide pools under the cabot trail');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page).toHaveURL(/\/en\/login\?reset=done/);

    await page.goto(resetUrl!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link is no longer valid');
  });

  test('a wrong password gets the same message as an unknown account, in an alert next to the form', async ({ page }) => {
    await page.goto('/en/login');
    await signIn(page, 'en', 'jessica.nguyen@example.com', 'not the right passphrase at all');
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('Wrong username or password');
    const known = await alert.textContent();
    await expect(page.getByLabel('Username')).toHaveValue('jessica.nguyen@example.com');

    await signIn(page, 'en', 'nobody.here@example.com', 'not the right passphrase at all');
    await expect(alert).toHaveText(known!);
  });

  test('a protected page sends the visitor to sign-in and back afterwards', async ({ page }) => {
    await page.goto('/en/account/password');
    await expect(page).toHaveURL(/\/en\/login\?next=%2Faccount%2Fpassword/);
    await signIn(page, 'en', 'jessica.nguyen@example.com', 'un saut de plus avant le coucher');
    await expect(page).toHaveURL(/\/en\/account\/password$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change password');
  });

  test('a return path pointing outside the site is ignored', async ({ page }) => {
    await page.goto('/en/login?next=//evil.example/steal');
    await signIn(page, 'en', 'jessica.nguyen@example.com', 'un saut de plus avant le coucher');
    await expect(page).toHaveURL(/\/en\/account$/);
  });

  test('forgot username tells whom to write to, with the CSPA number in the subject', async ({ page }) => {
    await page.goto('/en/forgot-username');
    await page.getByLabel('CSPA number').fill('21370');
    await page.getByLabel('Last name').fill('Lapointe');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('status')).toContainText('Check your email');
    await expect(page.getByRole('main').getByRole('link', { name: 'office@cspa.ca' })).toHaveAttribute('href', /subject=.*\(21370\)/);
    // Josée prefers French: the email is in her language, not the page's.
    await openLatestEmail(page, 'josee.lapointe@example.com', /Votre nom d’utilisateur – ACPS/);
    await expect(page.getByText('josee.lapointe@example.com').first()).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in, the greeting and sign-out work', async ({ page }) => {
    await page.goto('/fr/login');
    await signIn(page, 'fr', 'helene.cotebelanger@example.com', 'un saut de plus avant le coucher');
    await expect(page).toHaveURL(/\/fr\/account$/);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Bonjour, Hélène' })).toBeVisible();
    await page.getByRole('button', { name: 'Déconnexion' }).click();
    await expect(page).toHaveURL(/\/fr\/login\?signedOut=1/);
  });

  test('a bad sign-in shows the error and keeps what was typed', async ({ page }) => {
    await page.goto('/fr/login');
    await signIn(page, 'fr', 'personne@example.com', 'mauvais mot de passe vraiment');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Nom d’utilisateur ou mot de passe incorrect');
    await expect(page.getByLabel('Nom d’utilisateur')).toHaveValue('personne@example.com');
  });

  test('forgot password answers with the same confirmation', async ({ page }) => {
    await page.goto('/fr/forgot-password');
    await page.getByLabel('Courriel').fill('inconnu@example.com');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByRole('status')).toContainText('Vérifiez vos courriels');
    await page.getByLabel('Courriel').fill('');
    await page.getByRole('button', { name: /Renvoyer|Envoyer/ }).click();
    await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
  });
});
