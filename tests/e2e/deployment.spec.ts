import { spawn } from 'node:child_process';
import { expect, test } from './fixtures';

test('a deployed portal without its secrets refuses to start, naming what is missing', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, VERCEL: '1', NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'RESEND_API_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'SITE_URL']) delete env[name];
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', '3299'], { env });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const exitCode = await new Promise<number | null>((resolve) => server.on('exit', resolve));
  expect(exitCode).toBe(1);
  expect(output).toContain('The portal cannot start');
  expect(output).toContain('DATABASE_URL is required');
  expect(output).toContain('AUTH_SECRET is required');
  expect(output).toContain('RESEND_API_KEY is required');
  expect(output).toContain('STRIPE_SECRET_KEY is required');
});
