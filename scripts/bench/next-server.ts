import { spawn, type ChildProcess } from 'node:child_process';

export type RunningServer = { baseUrl: string; coldStartMs: number; pid: number | undefined; stop: () => Promise<void> };

/**
 * `next start` on its own port. The cold start is the time from spawning the process to the first
 * 200 answer of `readyPath` (polled every 10 ms), so it includes Node's start, Next's and the first render.
 */
export async function startNextServer({ port, env, readyPath = '/fr' }: { port: number; env: NodeJS.ProcessEnv; readyPath?: string }): Promise<RunningServer> {
  const baseUrl = `http://localhost:${port}`;
  const started = performance.now();
  const server: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  server.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error('next start exited before answering');
    try {
      const response = await fetch(`${baseUrl}${readyPath}`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.kill('SIGTERM');
      throw new Error(`next start did not answer ${readyPath} within a minute`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const coldStartMs = performance.now() - started;
  return {
    baseUrl,
    coldStartMs,
    pid: server.pid,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await gone;
    },
  };
}
