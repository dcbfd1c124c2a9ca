import { median, percentile } from './stats';

/**
 * Sign-in attempts the way a browser without JavaScript makes them: the sign-in page's form posted as
 * multipart form data (its hidden fields name the server action). Each attempt comes from its own
 * address in `x-real-ip` (the header lib/auth/client-address.ts trusts), so the per-address throttle
 * never answers instead of the password check.
 */

export type SignInForm = { url: string; fields: [string, string][] };

const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export async function readSignInForm(baseUrl: string): Promise<SignInForm> {
  const url = `${baseUrl}/fr/login`;
  const html = await (await fetch(url)).text();
  const start = html.indexOf('<form');
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    (match): [string, string] => [decode(match[1]!), decode(match[2] ?? '')],
  );
  if (!fields.some(([name]) => name.startsWith('$ACTION'))) throw new Error('The sign-in form has no server action fields');
  return { url, fields };
}

let addressCounter = 0;
/** A different private address for every call: 10.x.y.z. */
export function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** One failed attempt; resolves to its latency in ms. Throws if the answer is not the usual "incorrect" page. */
export async function attemptSignIn(form: SignInForm, identifier: string, password: string): Promise<number> {
  const body = new FormData();
  for (const [name, value] of form.fields) body.append(name, value);
  body.append('identifier', identifier);
  body.append('password', password);
  const started = performance.now();
  // A browser sends Origin with a form post; Next checks it against the host for server actions.
  const headers = { 'x-real-ip': nextAddress(), origin: new URL(form.url).origin };
  const response = await fetch(form.url, { method: 'POST', body, headers, redirect: 'manual' });
  const html = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !html.includes('role="alert"')) throw new Error(`Sign-in attempt answered ${response.status} without the form's error`);
  return elapsed;
}

export type EnumerationTiming = { knownMedian: number; unknownMedian: number; knownP95: number; unknownP95: number; gapMs: number; attempts: number };

/**
 * Median latency of failed sign-ins for accounts that exist (wrong password) and for addresses nobody
 * uses, interleaved so that the machine's load affects both alike. A gap would tell an attacker which
 * emails are members. Each known account is tried once, so its own counter never starts throttling.
 */
export async function measureEnumerationTiming(form: SignInForm, options: { knownIdentifiers: string[]; attempts: number; warmUp: number }): Promise<EnumerationTiming> {
  const { knownIdentifiers, attempts, warmUp } = options;
  if (knownIdentifiers.length < attempts + warmUp) throw new Error(`Need ${attempts + warmUp} known accounts, got ${knownIdentifiers.length}`);
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < attempts + warmUp; i++) {
    const unknownIdentifier = `nobody.${Date.now()}.${i}@unknown.example.net`;
    const pair = i % 2 === 0 ? ['known', 'unknown'] : ['unknown', 'known'];
    for (const kind of pair) {
      const elapsed = await attemptSignIn(form, kind === 'known' ? knownIdentifiers[i]! : unknownIdentifier, 'not the right password at all');
      if (i < warmUp) continue;
      (kind === 'known' ? known : unknown).push(elapsed);
    }
  }
  const knownMedian = median(known);
  const unknownMedian = median(unknown);
  return {
    knownMedian,
    unknownMedian,
    knownP95: percentile(known, 95),
    unknownP95: percentile(unknown, 95),
    gapMs: Math.abs(knownMedian - unknownMedian),
    attempts,
  };
}

/**
 * Failed sign-ins from `workers` concurrent clients, each attempt from a new address and for a new
 * identifier (the costly case: no throttle answers early, every attempt hashes), until `signal` aborts.
 */
export async function floodSignIns(form: SignInForm, options: { workers: number; signal: AbortSignal }): Promise<{ attempts: number; errors: number }> {
  let attempts = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: options.workers }, async (_, worker) => {
      while (!options.signal.aborted) {
        try {
          await attemptSignIn(form, `flood.${worker}.${attempts}@unknown.example.net`, 'guess number one two three');
          attempts += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { attempts, errors };
}
