import localFont from 'next/font/local';

// Served from our own origin: next/font/google would download at build time, which these machines cannot do.
export const inter = localFont({
  // The latin subset covers French (é, ç, œ, « »); rarer letters fall back to the system font.
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-inter',
  display: 'swap',
});
