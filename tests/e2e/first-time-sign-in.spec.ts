import { expect, test } from './fixtures';
import { openLatestEmail, signIn } from './support';

const NEW_PASSWORD = 'le vent tourne sur la piste ce soir';

test('Sally’s first visit: reset link by email, new password, sign-in, sign-out, sign-in with her CSPA number', async ({ page }) => {
  await page.goto('/fr/login');
  await expect(page.getByRole('heading', { name: 'Première visite ?' })).toBeVisible();
  await page.getByLabel('Nom d’utilisateur').fill('sallysauteur1@cspa.ca');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();

  await expect(page).toHaveURL(/\/fr\/forgot-password/);
  await expect(page.getByLabel('Courriel')).toHaveValue('sallysauteur1@cspa.ca');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('status')).toContainText('Vérifiez vos courriels');
  await expect(page.getByRole('status')).toContainText('15 minutes');

  await openLatestEmail(page, 'sallysauteur1@cspa.ca', /Votre lien pour choisir un mot de passe/);
  const resetLink = page.getByRole('link', { name: /\/fr\/reset-password\?token=/ });
  const resetUrl = await resetLink.getAttribute('href');
  expect(resetUrl).toMatch(/^http:\/\/localhost:\d+\/fr\/reset-password\?token=[\w-]{43}$/);
  await page.goto(resetUrl!);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choisir un nouveau mot de passe');
  await page.getByLabel('Nouveau mot de passe').fill('court');
  await page.getByLabel('Confirmer le mot de passe').fill('court');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText(/Trop court/)).toBeVisible();
  await expect(page.getByLabel('Nouveau mot de passe')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Nouveau mot de passe').fill(NEW_PASSWORD);
  await page.getByLabel('Confirmer le mot de passe').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page).toHaveURL(/\/fr\/login\?reset=done/);
  await expect(page.getByRole('status').filter({ hasText: 'Votre mot de passe est enregistré' })).toBeVisible();

  await signIn(page, 'fr', 'SallySauteur1@cspa.ca ', NEW_PASSWORD);
  await expect(page).toHaveURL(/\/fr\/account$/);
  // The session cookie: out of reach of scripts, not sent on cross-site subrequests (Secure + __Secure- on https).
  const sessionCookie = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('authjs.session-token'));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  const greeting = page.getByRole('banner').getByRole('link', { name: 'Bonjour, Sally' });
  await expect(greeting).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Bonjour, Sally');
  // Top right: the greeting sits in the right half of the header.
  const box = await greeting.boundingBox();
  expect(box!.x).toBeGreaterThan((page.viewportSize()!.width) / 2);

  await page.getByRole('button', { name: 'Déconnexion' }).click();
  await expect(page).toHaveURL(/\/fr\/login\?signedOut=1/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Bonjour, Sally' })).toHaveCount(0);

  await signIn(page, 'fr', '12345', NEW_PASSWORD);
  await expect(page).toHaveURL(/\/fr\/account$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Bonjour, Sally' })).toBeVisible();

  // The link worked once: opened again, it is refused and offers a new one.
  await page.goto(resetUrl!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ce lien n’est plus valide');
  await expect(page.getByRole('link', { name: 'Recevoir un nouveau lien' })).toBeVisible();

  // And the "password changed" notice went to her, in French.
  await openLatestEmail(page, 'sallysauteur1@cspa.ca', /Votre mot de passe a été modifié – ACPS/);
});
