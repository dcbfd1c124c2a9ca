import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export type PageScripts = { kib: number; scripts: number };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * The JavaScript a first visit downloads: every script response the browser receives for the page,
 * gzipped (what a compressing host sends), summed. A fresh browser context per page, so nothing comes from cache.
 */
export async function measureClientScripts(options: {
  baseUrl: string;
  pages: Record<string, string>;
  cookie: { name: string; value: string };
  signedIn: readonly string[];
  executablePath?: string;
}): Promise<Record<string, PageScripts>> {
  const browser = await chromium.launch({ executablePath: options.executablePath ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const sizes: Record<string, PageScripts> = {};
  try {
    for (const [key, path] of Object.entries(options.pages)) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      if (options.signedIn.includes(key)) {
        await context.addCookies([{ name: options.cookie.name, value: options.cookie.value, url: options.baseUrl }]);
      }
      const page = await context.newPage();
      const bodies: Promise<number>[] = [];
      const seen = new Set<string>();
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script' || seen.has(response.url())) return;
        seen.add(response.url());
        bodies.push(response.body().then((body) => gzipSync(body).length, () => 0));
      });
      const response = await page.goto(`${options.baseUrl}${path}`, { waitUntil: 'networkidle' });
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
      if (new URL(page.url()).pathname !== path) throw new Error(`${path} redirected to ${page.url()}`);
      const bytes = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
      sizes[key] = { kib: bytes / 1024, scripts: bodies.length };
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return sizes;
}
