import { describe, expect, it } from 'vitest';
import { emailCopy } from '@/lib/email/copy';

type Leaf = { path: string; value: string };

function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, value }];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('email wording', () => {
  const fr = leaves(emailCopy.fr);
  const en = leaves(emailCopy.en);

  it('has the same keys in French and English', () => {
    expect(en.map((leaf) => leaf.path)).toEqual(fr.map((leaf) => leaf.path));
  });

  it('uses the same placeholders in both languages', () => {
    const enByPath = new Map(en.map((leaf) => [leaf.path, leaf.value]));
    for (const leaf of fr) {
      expect(placeholders(enByPath.get(leaf.path)!), leaf.path).toEqual(placeholders(leaf.value));
    }
  });

  it('has no empty text', () => {
    for (const leaf of [...fr, ...en]) expect(leaf.value.trim(), leaf.path).not.toBe('');
  });

  it('follows French typography: a non-breaking space before colons, typographic apostrophes', () => {
    for (const { path, value } of fr) {
      expect(value, path).not.toMatch(/[^\u00a0]:/);
      expect(value, path).not.toContain("'");
    }
  });

  it('names the association in each language', () => {
    expect(emailCopy.fr.association).toBe('Association canadienne du parachutisme sportif (ACPS)');
    expect(emailCopy.en.association).toBe('Canadian Sport Parachuting Association (CSPA)');
  });
});
