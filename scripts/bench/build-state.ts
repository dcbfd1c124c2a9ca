import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// What the production build is made from: a change in any of these makes `.next` stale.
const SOURCES = ['app', 'lib', 'db', 'messages', 'proxy.ts', 'next.config.ts', 'instrumentation.ts', 'package.json', 'tsconfig.json', 'postcss.config.mjs'];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/** Whether `.next` holds a production build at least as new as the source it was built from. */
export function buildState(root = process.cwd()): 'fresh' | 'stale' | 'missing' {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'missing';
  const built = statSync(buildId).mtimeMs;
  const source = Math.max(...SOURCES.map((entry) => newestChange(path.join(root, entry))));
  return source > built ? 'stale' : 'fresh';
}
