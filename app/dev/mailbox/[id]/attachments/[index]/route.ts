import { getOutboxAttachment } from '@/lib/email/mailbox';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** A file attached to an email in the dev mailbox; like the mailbox, it does not exist once RESEND_API_KEY is set. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  if (env().resendApiKey) return new Response(null, { status: 404 });
  const { id, index } = await params;
  const file = /^\d{1,2}$/.test(index) ? await getOutboxAttachment(id, Number(index)) : null;
  if (!file) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
