import 'server-only';
import { isIP } from 'node:net';

/** No usable header: every such request shares one throttling bucket. */
export const UNKNOWN_ADDRESS = '0.0.0.0';
/** A header was there but held no address: also one shared bucket. */
export const INVALID_ADDRESS = 'invalid';

/**
 * The client's IP address, for throttling only (never for authorization).
 *
 * Trusted, in order:
 * 1. `x-real-ip`. Vercel sets it to the address that opened the connection and replaces any value the
 *    client sent; nginx-style proxies conventionally set it to `$remote_addr` the same way.
 * 2. The LAST entry of `x-forwarded-for`. Vercel also overwrites this header with the client's address
 *    alone, so there first and last are the same. A proxy that appends instead puts the address it saw
 *    at the end, and everything before it was written by the client, so the last entry is the only one
 *    a proxy vouches for. Taking the first would let a client choose its own bucket on every request.
 *
 * Without a proxy in front that sets these headers, the client writes them and nothing here is
 * trustworthy: the per-identifier counters, which ignore the address, are the protection that still holds.
 */
export function clientAddress(headers: Headers): string {
  const realIp = headers.get('x-real-ip')?.trim();
  if (realIp) return normalizeAddress(realIp);

  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
  if (last) return normalizeAddress(last);

  return UNKNOWN_ADDRESS;
}

/** Accepts "1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443"; lowercases IPv6; unwraps IPv4-mapped IPv6. */
function normalizeAddress(value: string): string {
  let candidate = value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(':'));

  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version !== 6) return INVALID_ADDRESS;
  const lower = candidate.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1]! : lower;
}
