/**
 * The committed action bundle, which is what the runner executes (action.yml: main: dist/index.js).
 * `npm run build` writes it, and .ci/run fails when it differs from a fresh build, so testing it
 * tests the sources too.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function committedActionBundle(root = resolve(import.meta.dirname, '../../..')): string {
  // A developer may point the e2e tests at a bundle built elsewhere while working; CI never sets it.
  const bundle = process.env['GUARDRAILS_TEST_ACTION_BUNDLE'] ?? join(root, 'dist/index.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  return bundle;
}
