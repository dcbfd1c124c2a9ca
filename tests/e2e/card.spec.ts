import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { signIn } from './support';

const PASSWORD = 'un saut de plus avant le coucher';

async function savePdf(download: Download): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'card-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return file;
}

/** Renders the card's back page with poppler and decodes its QR code, as a drop zone's phone would. */
function decodeQrOnBack(pdfFile: string): string {
  const prefix = path.join(path.dirname(pdfFile), 'back');
  execFileSync('pdftoppm', ['-png', '-r', '400', '-f', '2', '-l', '2', '-singlefile', pdfFile, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  expect(code, 'a QR code on the back of the card').not.toBeNull();
  return code!.data;
}

test.describe('in French', () => {
  test('« Carte PDF Card » downloads the card; its QR code opens the verification page', async ({ page, baseURL }) => {
    await page.goto('/fr/login');
    await signIn(page, 'fr', 'helene.cotebelanger@example.com', PASSWORD);
    await expect(page).toHaveURL(/\/fr\/account$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Carte PDF Card' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^CSPA-ACPS-21000-\d{4}\.pdf$/);
    const file = await savePdf(download);

    const url = decodeQrOnBack(file);
    expect(url).toMatch(new RegExp(`^${baseURL}/verify/[A-Za-z0-9_-]{22}$`));
    await page.goto(url);
    await expect(page).toHaveURL(/\/fr\/verify\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérification de carte de membre');
    await expect(page.getByRole('main')).toContainText('Hélène Côté-Bélanger');
    await expect(page.getByTestId('membership-status')).toContainText('Valide jusqu’au');
    // Nothing personal beyond name and number: no email, address or date of birth.
    await expect(page.getByRole('main')).not.toContainText('helene.cotebelanger');
    await expect(page.getByRole('main')).not.toContainText('rue Principale');
    await expect(page.getByRole('main')).not.toContainText('1960');
  });

  test('« Voir la carte » opens the card in the browser', async ({ page }) => {
    await page.goto('/fr/login');
    await signIn(page, 'fr', 'helene.cotebelanger@example.com', PASSWORD);
    await expect(page).toHaveURL(/\/fr\/account$/);
    const response = await page.request.get('/fr/account/card?view=inline');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^inline; filename="CSPA-ACPS-21000-\d{4}\.pdf"$/);
    await expect(page.getByRole('link', { name: 'Voir la carte' })).toHaveAttribute('href', '/fr/account/card?view=inline');
  });

  test('an unknown card says so, with a 404', async ({ page }) => {
    const response = await page.goto('/fr/verify/AAAAAAAAAAAAAAAAAAAAAA');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cette carte n’est pas valide');
    expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-CA' });

  test('signed out, "PDF Card" goes through sign-in and then downloads the card', async ({ page }) => {
    await page.goto('/en/account/card');
    await expect(page).toHaveURL(/\/en\/login\?next=%2Faccount%2Fcard/);
    const downloading = page.waitForEvent('download');
    await signIn(page, 'en', 'jessica.nguyen@example.com', PASSWORD);
    const file = await savePdf(await downloading);
    expect(path.basename(file)).toMatch(/^CSPA-ACPS-21740-\d{4}\.pdf$/);
    const url = decodeQrOnBack(file);
    await page.goto(url);
    await expect(page).toHaveURL(/\/en\/verify\//);
    await expect(page.getByRole('main')).toContainText('Jessica Nguyen');
    // Her membership expired: the check says so, as of today.
    await expect(page.getByTestId('membership-status')).toContainText('Expired since');
  });

  test('the profile offers "PDF Card" and "View card"', async ({ page }) => {
    await page.goto('/en/login');
    await signIn(page, 'en', 'jessica.nguyen@example.com', PASSWORD);
    await expect(page.getByRole('link', { name: 'PDF Card' })).toHaveAttribute('href', '/en/account/card');
    await expect(page.getByRole('link', { name: 'View card' })).toHaveAttribute('href', '/en/account/card?view=inline');
  });
});
