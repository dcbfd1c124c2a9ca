import { deliverDueEmails } from '@/lib/email/deliver';
import { isAuthorizedCronRequest } from '@/lib/email/cron-auth';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

// Vercel Cron sends GET with `Authorization: Bearer <CRON_SECRET>`.
export async function GET(request: Request) {
  if (!isAuthorizedCronRequest(request, env().cronSecret)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  const counts = await deliverDueEmails({ limit: 50 });
  return Response.json(counts, { headers: noStore });
}
