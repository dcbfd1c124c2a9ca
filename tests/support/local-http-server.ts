import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type IncomingCall = { method: string; path: string; headers: IncomingHttpHeaders; rawBody: string };
export type OutgoingReply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

/**
 * A JSON HTTP server on 127.0.0.1 and a free port, for the fakes that stand in for providers' APIs
 * (Resend, Stripe): each call is read whole, then answered with what `answer` decides.
 */
export async function startLocalServer(answer: (call: IncomingCall) => OutgoingReply): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = answer({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => {
        response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
        response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
