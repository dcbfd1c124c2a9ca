import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for api.resend.com on 127.0.0.1, so tests drive the real `resend` SDK over HTTP.
 * Records every request; answers 200 with a message id unless replies were scripted with `replyNext`.
 * Like Resend, a repeated Idempotency-Key gets the first answer's message id back.
 */

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
};

export type FakeReply = { status: number; body?: unknown };

export type FakeResend = {
  url: string;
  requests: RecordedRequest[];
  /** Answers the next requests with these replies, in order, then goes back to 200. */
  replyNext: (...replies: FakeReply[]) => void;
  /** Delay before every answer, so concurrent callers really overlap. */
  setDelay: (ms: number) => void;
  reset: () => void;
  close: () => Promise<void>;
};

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const scripted: FakeReply[] = [];
  const idsByKey = new Map<string, string>();
  let delayMs = 0;
  let counter = 0;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      });
      const reply = scripted.shift() ?? successFor(request.headers['idempotency-key']);
      setTimeout(() => {
        response.writeHead(reply.status, { 'Content-Type': 'application/json' });
        response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      }, delayMs);
    });
  });

  function successFor(key: string | string[] | undefined): FakeReply {
    const idempotencyKey = Array.isArray(key) ? key[0] : key;
    const known = idempotencyKey ? idsByKey.get(idempotencyKey) : undefined;
    const id = known ?? `fake-message-${++counter}`;
    if (idempotencyKey) idsByKey.set(idempotencyKey, id);
    return { status: 200, body: { id } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    replyNext: (...replies) => scripted.push(...replies),
    setDelay: (ms) => {
      delayMs = ms;
    },
    reset: () => {
      requests.length = 0;
      scripted.length = 0;
      delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
