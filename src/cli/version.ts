/**
 * The package version, read from the nearest package.json that declares the `guardrails` bin (source tree,
 * bundle or installed package). The bin, not the name, identifies the manifest: the name may carry a scope
 * and is set in package.json alone, while a nearer package.json (a dependency's, a consumer's) is skipped.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = 'guardrails';

export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (let depth = 0; depth < 6; depth++) {
    const version = versionOfOurManifest(join(dir, 'package.json'));
    if (version !== undefined) return version;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

function versionOfOurManifest(path: string): string | undefined {
  let manifest: { version?: unknown; bin?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as typeof manifest;
  } catch {
    // No readable package.json here; the caller keeps looking upwards.
    return undefined;
  }
  const bin = manifest.bin;
  const declaresOurBin = typeof bin === 'object' && bin !== null && typeof (bin as Record<string, unknown>)[BIN] === 'string';
  return declaresOurBin && typeof manifest.version === 'string' ? manifest.version : undefined;
}
