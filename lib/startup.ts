import 'server-only';
import { env, EnvironmentError } from './env';

export function refuseToStartWithoutEnvironment(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
