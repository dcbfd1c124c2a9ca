import type { SessionClaims } from './sessions';

/**
 * Decrypted session cookies, keyed by the cookie's exact value. Decrypting costs a key derivation
 * and an AES-CBC + HMAC pass on every request; the same cookie always decrypts to the same claims,
 * so a member's second request needs neither. Safe to share: only someone holding the exact cookie
 * can hit an entry, and revocation never relied on the cookie (the database check in
 * findSessionMember still runs on every request). Entries end with the cookie's own expiry.
 */
export type CachedClaims = { claims: SessionClaims; expiresAtMs: number };

export function createClaimsCache(maxEntries = 2000) {
  const entries = new Map<string, CachedClaims>();
  return {
    get(token: string, nowMs = Date.now()): SessionClaims | undefined {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (hit.expiresAtMs <= nowMs) {
        entries.delete(token);
        return undefined;
      }
      return hit.claims;
    },
    set(token: string, value: CachedClaims): void {
      entries.delete(token);
      entries.set(token, value);
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}

/** The claims our jwt callback writes (sub, sid, sv), or null when any is missing or of the wrong type. */
export function claimsFromPayload(payload: Record<string, unknown> | null | undefined): { claims: SessionClaims; expiresAtMs: number } | null {
  if (!payload) return null;
  const { sub, sid, sv, exp } = payload;
  if (typeof sub !== 'string' || !sub || typeof sid !== 'string' || !sid || typeof sv !== 'number' || typeof exp !== 'number') return null;
  return { claims: { memberId: sub, sessionId: sid, sessionVersion: sv }, expiresAtMs: exp * 1000 };
}

/**
 * The session token from the request's cookies, as Auth.js reads it: the cookie itself, or its chunks
 * (`name.0`, `name.1` …) joined in order when it was too large for one cookie. Cookies only: unlike
 * Auth.js's getToken(), no `Authorization: Bearer` header is accepted.
 */
export function sessionTokenFromCookies(cookies: readonly { name: string; value: string }[], cookieName: string): string | undefined {
  const index = (name: string) => {
    const suffix = name.slice(cookieName.length + 1);
    return /^\d+$/.test(suffix) ? Number(suffix) : 0;
  };
  const parts = cookies
    .filter(({ name, value }) => value && (name === cookieName || (name.startsWith(`${cookieName}.`) && /^\d+$/.test(name.slice(cookieName.length + 1)))))
    .sort((a, b) => index(a.name) - index(b.name));
  const token = parts.map(({ value }) => value).join('');
  return token || undefined;
}
