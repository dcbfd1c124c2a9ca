import { describe, expect, it } from 'vitest';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

const frMessages = flatten(fr as Tree);
const enMessages = flatten(en as Tree);

describe('message files', () => {
  it('have exactly the same keys in French and English', () => {
    expect([...frMessages.keys()].sort()).toEqual([...enMessages.keys()].sort());
  });

  it('have no empty message', () => {
    const empty = [...frMessages, ...enMessages].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders and tags in both languages', () => {
    const tokens = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]|<(\w+)>/g)].map((m) => m[1] ?? m[2]).sort();
    const mismatched = [...frMessages.keys()].filter(
      (key) => JSON.stringify(tokens(frMessages.get(key)!)) !== JSON.stringify(tokens(enMessages.get(key) ?? '')),
    );
    expect(mismatched).toEqual([]);
  });

  it('write French with French typography, not straight English quotes', () => {
    const straightQuotes = [...frMessages].filter(([, value]) => /"/.test(value)).map(([key]) => key);
    expect(straightQuotes).toEqual([]);
  });
});
