import { deleteExpiredAuthRows } from '@/lib/auth/housekeeping';
import { isAuthorizedCronRequest } from '@/lib/email/cron-auth';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

// Daily (vercel.json): ended sessions, used links and idle throttle counters older than a month go.
export async function GET(request: Request) {
  if (!isAuthorizedCronRequest(request, env().cronSecret)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  return Response.json(await deleteExpiredAuthRows(), { headers: noStore });
}
