import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { addMonths, todayIso } from '@/lib/dates';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, openLatestEmail, signIn } from './support';

const PASSWORD = 'un saut de plus avant le coucher';

function longDate(iso: string, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

async function pdfText(download: Download): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'renewal-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

async function download(page: Page, name: string | RegExp): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  return file;
}

test('Thomas, expired, renews in English from the home page through sign-in; no stale “expired” banner afterwards', async ({ page }) => {
  const expected = longDate(addMonths(todayIso(), 12), 'en');
  await page.goto('/en');
  await page.getByRole('main').getByRole('link', { name: 'Renew', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/login\?next=/);
  await signIn(page, 'en', 'thomas.brown@example.com', PASSWORD);
  await expect(page).toHaveURL(/\/en\/account\/renew$/);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renew my membership');
  await expect(page.getByTestId('renewal-amount')).toHaveText('$115.00');
  await expect(page.getByTestId('renewal-new-expiry')).toHaveText(expected);
  await expect(page.getByLabel(/Drop zone or club for membership year/)).toHaveValue('DZ-ON-TORONTO');

  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByRole('main').getByText('Check “I accept the declaration” to continue.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'I accept the declaration' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('checkbox', { name: 'I accept the declaration' }).check();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();

  await expect(page).toHaveURL(/\/en\/invoice\/[\w-]+\/demo-payment$/);
  await expect(page.getByText(/Demo: no real payment is made here/)).toBeVisible();
  await page.getByRole('button', { name: 'Pay (demo)' }).click();
  await expect(page).toHaveURL(/\/en\/invoice\/[\w-]+\/paid$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment received');
  await expect(page.getByTestId('new-expiry')).toContainText(expected);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Back to my profile' }).click();
  await expect(page.getByRole('main')).toContainText(`Membership valid until ${expected}`);
  await expect(page.getByRole('main')).toContainText('Payment received on');
  await expect(page.getByRole('main')).not.toContainText('expired');
  await expect(page.getByRole('link', { name: 'Renew now' })).toHaveCount(0);
});

test('Sarah pays the emailed invoice from its link without signing in; the paid link cannot pay twice', async ({ page, request }) => {
  const job = await request.get('/api/cron/renewals', { headers: { authorization: 'Bearer e2e-cron-secret' } });
  expect(job.status()).toBe(200);
  expect(await request.get('/api/cron/renewals', { headers: { authorization: 'Bearer wrong' } }).then((r) => r.status())).toBe(401);

  await openLatestEmail(page, 'sarah.macdonald@example.com', /Your renewal invoice \d{4}-\d{6} – CSPA/);
  await expect(page.getByRole('link', { name: /^ACPS-CSPA-Invoice-\d{4}-\d{6}\.pdf$/ })).toBeVisible();
  const payUrl = await page.getByRole('link', { name: /\/en\/invoice\// }).first().getAttribute('href');
  await page.goto(payUrl!);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice \d{4}-\d{6}$/);
  await expect(page.getByRole('main')).toContainText('For Sarah MacDonald, CSPA number');
  await expect(page.getByRole('main')).not.toContainText('sarah.macdonald@example.com');
  const invoicePdf = await pdfText(await download(page, 'Download the invoice (PDF)'));
  expect(invoicePdf).toContain('Sarah MacDonald');
  expect(invoicePdf).toContain('$115.00');

  await page.getByRole('checkbox', { name: 'I accept the declaration' }).check();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.getByRole('button', { name: 'Pay (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment received');
  const demoUrl = page.url().replace(/\/paid$/, '/demo-payment');

  await page.goto(payUrl!);
  await expect(page.getByRole('main')).toContainText('This invoice was paid on');
  await expect(page.getByRole('button', { name: 'Pay', exact: true })).toHaveCount(0);
  await page.goto(demoUrl);
  await expect(page.getByRole('main')).toContainText('This invoice is already paid');
  await expect(page.getByRole('button', { name: 'Pay (demo)' })).toHaveCount(0);

  // A tampered link opens nothing.
  const signatureCharacter = payUrl!.length - 10;
  await page.goto(`${payUrl!.slice(0, signatureCharacter)}${payUrl![signatureCharacter] === 'A' ? 'B' : 'A'}${payUrl!.slice(signatureCharacter + 1)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This invoice link no longer works');
});

