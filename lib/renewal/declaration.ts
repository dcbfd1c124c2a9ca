/**
 * The yearly declaration members accept before paying. Its text lives in messages/*.json
 * (Renewal.declarationText); this version is stored with each acceptance, so the office can tell which
 * words a member accepted. Changing the words needs a new version and fingerprint: a unit test
 * compares the fingerprint with the text.
 */
export const DECLARATION_VERSION = '2026-11';

/** SHA-256 of the French text, a newline, then the English text, of DECLARATION_VERSION. */
export const DECLARATION_TEXT_SHA256 = 'b32dd035803092cddbce8f6b175cefc3b3c6e7321a9557982fdab5cfab638e12';
