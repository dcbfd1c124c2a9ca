import { addDays, addMonths, todayIso } from '@/lib/dates';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, openLatestEmail, signIn } from './support';

// Sally's story in order: her first sign-in gives her the password her renewal then uses.
test.describe.configure({ mode: 'serial' });

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

test('Sally, expiring within 30 days, renews in French: « Renouveler maintenant », declaration, demo payment, new card and receipt', async ({ page }) => {
  const expiresOn = addDays(todayIso(), 21);
  const expected = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${addMonths(expiresOn, 12)}T12:00:00Z`));
  await page.goto('/fr/login');
  await signIn(page, 'fr', '12345', NEW_PASSWORD);
  await expect(page).toHaveURL(/\/fr\/account$/);
  await expect(page.getByRole('main')).toContainText('Le renouvellement est ouvert');
  await page.getByRole('link', { name: 'Renouveler maintenant' }).click();

  await expect(page).toHaveURL(/\/fr\/account\/renew$/);
  await expect(page.getByTestId('renewal-amount')).toHaveText('115,00\u00a0$');
  await expect(page.getByTestId('renewal-new-expiry')).toHaveText(expected);
  await expect(page.getByLabel(/Centre de parachutisme ou club pour l’année d’adhésion/)).toHaveValue('DZ-QC-STJEAN');
  await page.getByRole('checkbox', { name: 'J’accepte la déclaration' }).check();
  await page.getByRole('button', { name: 'Payer', exact: true }).click();

  await expect(page).toHaveURL(/\/fr\/invoice\/[\w-]+\/demo-payment$/);
  await expect(page.getByText(/Démonstration\s*: aucun paiement réel/)).toBeVisible();
  await page.getByRole('button', { name: 'Payer (démo)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paiement reçu');
  await expect(page.getByTestId('new-expiry')).toContainText(expected);
  await expectNoAxeViolations(page);

  const [card] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger ma carte de membre' }).click()]);
  expect(card.suggestedFilename()).toBe(`CSPA-ACPS-12345-${addMonths(expiresOn, 12).slice(0, 4)}.pdf`);

  await page.goto('/fr/account');
  await expect(page.getByRole('main')).toContainText(`Adhésion valide jusqu’au ${expected}`);
  await expect(page.getByRole('main')).toContainText('Paiement reçu le');
  await page.getByRole('link', { name: 'Mes factures et reçus' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Payée' })).toHaveCount(1);

  await openLatestEmail(page, 'sallysauteur1@cspa.ca', /Reçu de paiement et nouvelle carte de membre – ACPS/);
  await expect(page.getByRole('link', { name: /^ACPS-CSPA-Recu-\d{4}-\d{6}\.pdf$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^CSPA-ACPS-12345-\d{4}\.pdf$/ })).toBeVisible();
});
