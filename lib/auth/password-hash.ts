import 'server-only';
import { hash, verify } from '@node-rs/argon2';

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

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
