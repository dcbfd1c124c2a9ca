/**
 * The yearly declaration members accept before paying. Its text lives in messages/*.json
 * (Renewal.declaration); this version is stored with each acceptance. A unit test fingerprints the
 * text, so changing the words without a new version fails the build.
 */
export const DECLARATION_VERSION = '2026-11';
