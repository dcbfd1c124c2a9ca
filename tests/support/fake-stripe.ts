import type { IncomingHttpHeaders } from 'node:http';
import { startLocalServer } from './local-http-server';

/**
 * A stand-in for api.stripe.com on 127.0.0.1, so tests drive the real `stripe` SDK over HTTP
 * (STRIPE_API_BASE_URL points the portal's client at it). Records every request with its
 * form-encoded parameters; answers POST /v1/checkout/sessions with a session and its URL unless
 * replies were scripted with `replyNext`.
 */

export type RecordedStripeRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw form body, decoded: keys as Stripe spells them (`line_items[0][price_data][currency]`). */
  params: Record<string, string>;
};

export type FakeStripeReply = { status: number; body?: unknown };

export type FakeStripe = {
  url: string;
  requests: RecordedStripeRequest[];
  /** Answers the next requests with these replies, in order, then goes back to the default answer. */
  replyNext: (...replies: FakeStripeReply[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

export const FAKE_CHECKOUT_HOST = 'https://checkout.stripe.test';

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedStripeRequest[] = [];
  const scripted: FakeStripeReply[] = [];
  let counter = 0;

  const server = await startLocalServer((call) => {
    const recorded: RecordedStripeRequest = { method: call.method, path: call.path, headers: call.headers, params: Object.fromEntries(new URLSearchParams(call.rawBody)) };
    requests.push(recorded);
    return { ...(scripted.shift() ?? defaultReply(recorded)), headers: { 'Request-Id': `req_fake_${counter}` } };
  });

  function defaultReply(request: RecordedStripeRequest): FakeStripeReply {
    if (request.method === 'POST' && request.path === '/v1/checkout/sessions') {
      const id = `cs_test_fake_${++counter}`;
      return {
        status: 200,
        body: {
          id,
          object: 'checkout.session',
          mode: request.params.mode,
          status: 'open',
          payment_status: 'unpaid',
          currency: request.params['line_items[0][price_data][currency]'],
          metadata: {
            invoiceId: request.params['metadata[invoiceId]'],
            invoiceNumber: request.params['metadata[invoiceNumber]'],
            cspaNumber: request.params['metadata[cspaNumber]'],
          },
          url: `${FAKE_CHECKOUT_HOST}/c/pay/${id}`,
        },
      };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${request.path})` } } };
  }

  return {
    url: server.url,
    requests,
    replyNext: (...replies) => scripted.push(...replies),
    reset: () => {
      requests.length = 0;
      scripted.length = 0;
    },
    close: server.close,
  };
}
