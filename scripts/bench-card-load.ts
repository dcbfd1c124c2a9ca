import { loadRun } from './bench/load';
import { startSignedInServer } from './bench/signed-in-server';

/**
 * The card route under load: autocannon against the production build, signed in as a demo member,
 * 50 connections. Prints figures; it is a benchmark, not a test.
 */
const seconds = Number(process.argv.find((arg) => arg.startsWith('--seconds='))?.split('=')[1] ?? 10);
const server = await startSignedInServer({ port: 3400, email: 'helene.cotebelanger@example.com' });
try {
  const url = `${server.baseUrl}/fr/account/card`;
  const check = await fetch(url, { headers: { cookie: server.cookie } });
  if (check.headers.get('content-type') !== 'application/pdf') throw new Error(`The card route answered ${check.status} ${check.headers.get('content-type')}`);
  await loadRun({ url, cookie: server.cookie, connections: 10, seconds: 3 });
  const single = await loadRun({ url, cookie: server.cookie, connections: 1, seconds: Math.min(5, seconds) });
  const loaded = await loadRun({ url, cookie: server.cookie, connections: 50, seconds });
  console.log('\nCard route, production build, signed in (autocannon)');
  console.table({
    '1 connection': { 'req/s': single.requestsPerSecond, 'p50 ms': single.p50, 'p99 ms': single.p99, errors: single.errors + single.non2xx },
    '50 connections': { 'req/s': loaded.requestsPerSecond, 'p50 ms': loaded.p50, 'p99 ms': loaded.p99, errors: loaded.errors + loaded.non2xx },
  });
} finally {
  await server.stop();
}
process.exit(0);
