/**
 * How fast the membership card renders on one core, and how big it is.
 * Usage: npm run bench:card [-- --count 2000]
 * A benchmark, not a test: it prints figures and writes nothing.
 */
import { parseArgs } from 'node:util';
import type { CardData } from '@/lib/card/card-data';
import { sampleCard } from '@/lib/card/sample-card';
import { renderMembershipCard } from '@/lib/card/render-card';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${values.count}`);
const WARM_UP = 50;

const card: CardData = sampleCard;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeCards(n: number, reuseParsedFonts: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // A different number per card, as in real use, so nothing is accidentally reused.
    const data = { ...card, cspaNumber: String(100000 + i).padStart(6, '0') };
    const start = performance.now();
    await renderMembershipCard(data, { reuseParsedFonts });
    times.push(performance.now() - start);
  }
  return times;
}

const coldStart = performance.now();
const first = await renderMembershipCard(card);
const cold = performance.now() - coldStart;

await timeCards(WARM_UP, true);
const runStart = performance.now();
const times = (await timeCards(count, true)).sort((a, b) => a - b);
const elapsed = performance.now() - runStart;
// The same card with pdf-lib's default embedding (TTFs parsed on every card), to show what fonts.ts saves.
const uncached = (await timeCards(Math.min(count, 100), false)).sort((a, b) => a - b);

const rows: [string, string][] = [
  ['cards', String(count)],
  ['first card, cold (ms)', cold.toFixed(1)],
  ['median (ms/card)', percentile(times, 50).toFixed(2)],
  ['p95 (ms/card)', percentile(times, 95).toFixed(2)],
  ['cards per second (one core)', (count / (elapsed / 1000)).toFixed(0)],
  ['card size (KiB)', (first.length / 1024).toFixed(1)],
  [`median, fonts parsed per card (ms/card, ${uncached.length} cards)`, percentile(uncached, 50).toFixed(2)],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(8)}`);
