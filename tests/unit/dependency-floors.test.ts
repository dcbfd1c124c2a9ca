import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm audit cannot reach its advisory service from these machines: the known security floors are pinned here.
const FLOORS = { next: '16.2.6', react: '19.2.1', 'react-dom': '19.2.1' } as const;

function installedVersion(name: string): string {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version;
}

function atLeast(version: string, floor: string): boolean {
  const [a, b] = [version, floor].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i += 1) {
    if (a![i]! !== b![i]!) return a![i]! > b![i]!;
  }
  return true;
}

describe('dependency security floors', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`${name} is at or above ${floor}`, () => {
      expect(atLeast(installedVersion(name), floor), `${name} ${installedVersion(name)}`).toBe(true);
    });
  }

  it('compares versions numerically, not as text', () => {
    expect(atLeast('16.10.0', '16.2.6')).toBe(true);
    expect(atLeast('16.2.5', '16.2.6')).toBe(false);
    expect(atLeast('19.2.1', '19.2.1')).toBe(true);
  });
});
