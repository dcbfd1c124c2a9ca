import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable, median, percentile } from '@/scripts/bench/stats';

describe('benchmark percentiles', () => {
  it('takes the nearest rank, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
  });

  it('gives the middle value as the median, and NaN for no values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('p95 of 1..100 is 95 and p99 is 99', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
  });
});

describe('benchmark tables', () => {
  it('rounds to a precision that suits the figure', () => {
    expect(formatNumber(0.4321)).toBe('0.43');
    expect(formatNumber(4.321)).toBe('4.32');
    expect(formatNumber(43.21)).toBe('43.2');
    expect(formatNumber(432.1)).toBe('432');
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('aligns the first column left and the others right, under a rule', () => {
    const table = formatTable(['measure', 'ms'], [['profile', '4.2'], ['card route', '12.5']]);
    expect(table.split('\n')).toEqual(['measure       ms', '----------  ----', 'profile      4.2', 'card route  12.5']);
  });
});
