// Runs once when the server starts: a deployed portal without its secrets refuses to start
// rather than failing on the first member who signs in.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { refuseToStartWithoutEnvironment } = await import('./lib/startup');
    refuseToStartWithoutEnvironment();
  }
}
