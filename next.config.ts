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
  async headers() {
    return [
      // The card check is public but personal: keep it out of search engines (Referrer-Policy: proxy.ts).
      { source: '/:locale(fr|en)/verify/:token', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
