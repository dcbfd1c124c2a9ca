import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // The card's fonts are read from disk at run time: make sure serverless bundles ship them.
  outputFileTracingIncludes: { '/[locale]/account/card': ['./node_modules/dejavu-fonts-ttf/ttf/DejaVuSansCondensed*.ttf'] },
  reactStrictMode: true,
  // `next start` otherwise loads every route's code in the background as soon as it listens, competing
  // with the first request: over 10 interleaved starts each on a busy 2-core machine, the first page came
  // a median of about 0.9 s after the port opened without it and 1.0 s with it. Each route now loads on its
  // first request instead (the first card download pays for pdf-lib). Serverless hosts run Next in
  // minimal mode, where this preloading never happens anyway.
  experimental: { preloadEntriesOnStart: false },
  async headers() {
    return [
      // The card check is public but personal: keep it out of search engines (Referrer-Policy: proxy.ts).
      { source: '/:locale(fr|en)/verify/:token', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
