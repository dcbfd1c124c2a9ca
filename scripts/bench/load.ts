import autocannon from 'autocannon';
import { percentile } from './stats';

export type LoadResult = { requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; requests: number };

/**
 * One autocannon run; latencies in milliseconds. Percentiles are computed from every response time
 * (autocannon's own summary has no p95), so p95 really is the 95th percentile.
 */
export function loadRun(options: {
  url: string;
  cookie?: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) },
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: Math.round(result.requests.average),
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          requests: times.length,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}
