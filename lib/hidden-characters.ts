/**
 * Control characters and bidirectional overrides can disguise text: a name that reads backwards on the card
 * or in an email (U+202E), an address that hides part of itself. U+061C, U+200B and U+2060 are invisible too
 * (bidi mark, zero-width space, word joiner); ZWJ/ZWNJ stay: scripts and emoji need them.
 * Shared by every schema that takes a name or free text; refused with the code `hiddenCharacters`.
 */
export const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/;

export function hasHiddenCharacters(value: string): boolean {
  return HIDDEN_CHARACTERS.test(value);
}
