import 'server-only';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { createLimiter } from './limiter';

/**
 * argon2id with OWASP's second recommended profile: 19 MiB of memory, 2 passes, 1 lane.
 * About 25 ms on one core here: slow for a guesser, fast enough for a sign-in.
 */
// The library's default algorithm is argon2id (its const enum cannot be imported under isolatedModules).
export const ARGON2_OPTIONS = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Argon2 runs on libuv's thread pool (4 threads), which also does the server's crypto and file reads.
 * Unlimited, a flood of failed sign-ins took every thread and both cores: other members' profile page
 * went from a 55 ms median to 500 ms (npm run bench, "during a flood"). At most one hash per core, less
 * one (at least one), runs at a time; the others queue, so a flood slows sign-ins rather than every page. Known and
 * unknown accounts queue alike, so waiting reveals nothing about which emails are members.
 */
const hashing = createLimiter(Math.max(1, availableParallelism() - 1));

export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => hash(password, ARGON2_OPTIONS));
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await hashing.run(() => verify(storedHash, password));
  } catch {
    return false;
  }
}
