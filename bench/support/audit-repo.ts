/**
 * A generated schema repository for bench/audit, written with `git fast-import` in one pass: `files`
 * schema files, each changed (compatibly) in every one of `versions` commits on `main`, then checked
 * out, so `guardrails check` finds nothing changed and audits the whole history.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AuditRepo {
  readonly dir: string;
  readonly files: number;
  readonly versions: number;
}

const CONFIG = 'version: 1\nschemas:\n  paths:\n    - "schemas/**/*.avsc"\ndefaults:\n  compatibility: BACKWARD\n  strategy: RecordNameStrategy\n';

/**
 * Version `v` of file `i`, about 1.5 KB: a market-data record whose base fields never change, plus a
 * sliding window of optional fields (one added and one dropped per version), so every version is
 * BACKWARD compatible with the one before and each has a semantic diff to report.
 */
export function auditSchema(i: number, v: number): string {
  const base = [
    { name: 'id', type: 'long' },
    { name: 'symbol', type: 'string' },
    { name: 'venue', type: { type: 'enum', name: 'Venue', symbols: ['ASX', 'CHIA', 'NYSE', 'LSE'] } },
    { name: 'bid', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 6 } },
    { name: 'ask', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 6 } },
    { name: 'size', type: 'long' },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'flags', type: { type: 'array', items: 'string' } },
    { name: 'quote', type: { type: 'record', name: 'Quote', fields: [{ name: 'px', type: 'double' }, { name: 'qty', type: 'long' }] } },
    { name: 'note', type: ['null', 'string'], default: null },
  ];
  const window = Array.from({ length: Math.min(v + 1, 5) }, (_, k) => v - k).reverse();
  const extra = window.map((n) => ({ name: `opt${n}`, type: ['null', 'long'], default: null }));
  return `${JSON.stringify({ type: 'record', name: `Event${i}`, namespace: 'com.acme.bench', fields: [...base, ...extra] }, null, 2)}\n`;
}

export function schemaPath(i: number): string {
  return `schemas/s${String(i).padStart(4, '0')}.avsc`;
}

/** Creates the repository in a new temporary directory. */
export async function createAuditRepo(files: number, versions: number): Promise<AuditRepo> {
  const dir = mkdtempSync(join(tmpdir(), `bench-audit-${files}x${versions}-`));
  git(dir, 'init', '-q', '-b', 'main');
  const importer = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => importer.on('close', resolve));
  const write = (text: string) => (importer.stdin.write(text) ? Promise.resolve() : new Promise<void>((resolve) => importer.stdin.once('drain', () => resolve())));
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const start = Date.UTC(2026, 0, 1) / 1000;
  for (let v = 0; v < versions; v++) {
    const when = `${start + v * 86_400} +0000`;
    let commit = `commit refs/heads/main\ncommitter Bench <bench@example.com> ${when}\n${data(`version ${v + 1} of every schema`)}`;
    if (v === 0) commit += `M 100644 inline guardrails.yaml\n${data(CONFIG)}`;
    await write(commit);
    for (let i = 0; i < files; i++) await write(`M 100644 inline ${schemaPath(i)}\n${data(auditSchema(i, v))}`);
    await write('\n');
  }
  await write('done\n');
  importer.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
  git(dir, 'checkout', '-q', '-f', 'main');
  return { dir, files, versions };
}

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr.trim()}`);
  return result.stdout;
}
