import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Vercel Cron calls with `Authorization: Bearer <CRON_SECRET>`. Refused when no secret is configured,
 * so an unset variable never opens the route. Comparing digests keeps the comparison constant-time
 * whatever the length of what was sent.
 */
export function isAuthorizedCronRequest(request: Request, cronSecret: string | undefined): boolean {
  if (!cronSecret) return false;
  const header = request.headers.get('authorization');
  if (!header) return false;
  return timingSafeEqual(digest(header), digest(`Bearer ${cronSecret}`));
}
