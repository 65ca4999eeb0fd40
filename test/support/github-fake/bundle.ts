/**
 * The committed action bundle, which is what the runner executes (action.yml: main: dist/index.js).
 * `npm run build` writes it, and .ci/run fails when it differs from a fresh build, so testing it
 * tests the sources too.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function committedActionBundle(root = resolve(import.meta.dirname, '../../..')): string {
  const bundle = join(root, 'dist/index.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  return bundle;
}
