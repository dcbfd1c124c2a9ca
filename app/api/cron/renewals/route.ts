import { deliverSoon } from '@/lib/email/deliver-soon';
import { isAuthorizedCronRequest } from '@/lib/email/cron-auth';
import { env } from '@/lib/env';
import { runRenewalJob } from '@/lib/renewal/job';

export const dynamic = 'force-dynamic';
// Creating a few hundred invoices with their PDFs takes longer than a page: allow the host's maximum.
export const maxDuration = 300;

const noStore = { 'Cache-Control': 'no-store' };

// The host's scheduler (vercel.json) calls GET with `Authorization: Bearer <CRON_SECRET>`.
export async function GET(request: Request) {
  if (!isAuthorizedCronRequest(request, env().cronSecret)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  const counts = await runRenewalJob();
  if (counts.emailsQueued > 0) deliverSoon();
  return Response.json(counts, { headers: noStore });
}
