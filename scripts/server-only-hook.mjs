// Lets command-line scripts (seed, import, jobs) load lib/ modules marked `import 'server-only'`:
// outside Next's bundler that package throws, so resolve it to an empty module instead.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
