/**
 * prom-client, required on first use rather than imported: loading it takes a tenth of a second, which
 * every CLI command (`--help` too) would otherwise pay at start-up, whether it records metrics or not.
 * It is CommonJS, so what `require` returns is the very module an `import` gets: the same classes.
 */
import { createRequire } from 'node:module';
import type * as PromClient from 'prom-client';

const require = createRequire(import.meta.url);
let loaded: typeof PromClient | undefined;

export function promClient(): typeof PromClient {
  return (loaded ??= require('prom-client') as typeof PromClient);
}
