/** The username is the email; the CSPA number is accepted too. Both are matched trimmed, emails case-insensitively. */
export type Identifier = { kind: 'email'; email: string } | { kind: 'cspaNumber'; cspaNumber: string };

export function parseIdentifier(raw: string): Identifier | null {
  const value = raw.normalize('NFKC').trim();
  if (/^\d{1,10}$/.test(value)) return { kind: 'cspaNumber', cspaNumber: value };
  if (value.length >= 3 && value.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(value)) return { kind: 'email', email: value.toLowerCase() };
  return null;
}
