// Runs once when the server starts: a deployed portal without its secrets refuses to start
// rather than failing on the first member who signs in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvironmentError } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
