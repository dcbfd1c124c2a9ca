import type { IncomingHttpHeaders } from 'node:http';
import { startLocalServer } from './local-http-server';

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

  const server = await startLocalServer((call) => {
    requests.push({ method: call.method, path: call.path, headers: call.headers, body: call.rawBody ? (JSON.parse(call.rawBody) as Record<string, unknown>) : {} });
    return { ...(scripted.shift() ?? successFor(call.headers['idempotency-key'])), delayMs };
  });

  function successFor(key: string | string[] | undefined): FakeReply {
    const idempotencyKey = Array.isArray(key) ? key[0] : key;
    const known = idempotencyKey ? idsByKey.get(idempotencyKey) : undefined;
    const id = known ?? `fake-message-${++counter}`;
    if (idempotencyKey) idsByKey.set(idempotencyKey, id);
    return { status: 200, body: { id } };
  }

  return {
    url: server.url,
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
    close: server.close,
  };
}
