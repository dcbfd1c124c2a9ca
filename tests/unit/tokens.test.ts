import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isWellFormedToken, TOKEN_LENGTH } from '@/lib/auth/tokens';

describe('token generation', () => {
  it('makes 43 base64url characters carrying 32 random bytes', () => {
    const token = generateToken();
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
  });

  it('produces only well-formed tokens', () => {
    for (let i = 0; i < 200; i += 1) expect(isWellFormedToken(generateToken())).toBe(true);
  });
});

describe('token format check', () => {
  const token = generateToken();

  it('refuses the wrong length, padding and foreign characters', () => {
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken(token.slice(0, 42))).toBe(false);
    expect(isWellFormedToken(`${token}A`)).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 42)}=`)).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 41)}+/`)).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 42)} `)).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 42)}é`)).toBe(false);
  });

  it('refuses a last character that 32 bytes cannot end with', () => {
    // The last character holds 4 bits of data and 2 zero bits: "B" (000001) has a stray bit set.
    expect(isWellFormedToken(`${'A'.repeat(42)}A`)).toBe(true);
    expect(isWellFormedToken(`${'A'.repeat(42)}B`)).toBe(false);
  });
});

describe('token hashing', () => {
  it('stores the SHA-256 in hex, never the token', () => {
    const token = generateToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).not.toContain(token);
  });

  it('changes completely when one character changes', () => {
    const token = generateToken();
    const tampered = `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;
    expect(hashToken(tampered)).not.toBe(hashToken(token));
  });
});
