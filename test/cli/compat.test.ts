import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRICE, SYMBOL, record } from './schemas.js';
import { hasStackTrace, runCli } from './support.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guardrails-compat-'));
  writeFileSync(join(dir, 'v1.avsc'), record('Tick', [SYMBOL, PRICE]));
  writeFileSync(join(dir, 'v2.avsc'), record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }]));
  writeFileSync(join(dir, 'v3.avsc'), record('Tick', [SYMBOL, { name: 'venue', type: 'string', default: 'ASX' }]));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('guardrails compat', () => {
  it('passes a compatible candidate at the default BACKWARD level, exit 0', async () => {
    const result = await runCli(['compat', 'v1.avsc', 'v2.avsc'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Checked v2.avsc against 1 older version.');
    expect(result.stdout).toContain('✓ v2.avsc  BACKWARD  compatible with 1 earlier version');
  });

  it('applies the level: dropping a field without a default fails FORWARD, exit 1', async () => {
    expect((await runCli(['compat', 'v2.avsc', 'v3.avsc'], dir)).code).toBe(0);
    const result = await runCli(['compat', '--level', 'forward', '--format', 'json', 'v2.avsc', 'v3.avsc'], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { mode: string; against: null; subjects: { subject: null; history: unknown[]; incompatibilities: object[] }[] };
    expect(report.mode).toBe('files');
    expect(report.against).toBeNull();
    expect(report.subjects[0]?.subject).toBeNull();
    expect(report.subjects[0]?.history).toEqual([{ version: 0, commit: null, date: null, file: 'v2.avsc', changes: null, registryVersion: null, registryId: null }]);
    expect(report.subjects[0]?.incompatibilities).toEqual([
      expect.objectContaining({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', message: 'price', direction: 'forward', version: 0, file: 'v3.avsc', line: 1, column: 1 }),
    ]);
  });

  it('checks transitively against every older file', async () => {
    writeFileSync(join(dir, 'v4.avsc'), record('Tick', [SYMBOL, PRICE, { name: 'venue', type: 'string', default: 'ASX' }]));
    expect((await runCli(['compat', '--level', 'FORWARD', 'v1.avsc', 'v3.avsc', 'v4.avsc'], dir)).code).toBe(0);
    const result = await runCli(['compat', '--level', 'FULL_TRANSITIVE', '--format', 'json', 'v1.avsc', 'v2.avsc', 'v3.avsc'], dir);
    expect(result.code).toBe(1);
    const versions = (JSON.parse(result.stdout) as { subjects: { incompatibilities: { version: number }[] }[] }).subjects[0]?.incompatibilities.map((i) => i.version);
    expect(versions).toEqual([1, 0]);
  });

  it('validates a lone candidate as a new subject', async () => {
    const result = await runCli(['compat', 'v1.avsc'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ v1.avsc  BACKWARD  new subject (no earlier version)');
  });

  it('rejects a bad candidate strictly but reads older versions leniently', async () => {
    // An invalid default: the registry stores such schemas (old versions) but rejects them as new ones.
    writeFileSync(join(dir, 'lenient.avsc'), record('Tick', [SYMBOL, PRICE, { name: 'n', type: 'int', default: 'x' }]));
    expect((await runCli(['compat', 'lenient.avsc', 'v2.avsc'], dir)).code).toBe(0);
    const result = await runCli(['compat', 'v1.avsc', 'lenient.avsc'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^ {2}error: lenient\.avsc:8:\d+: /m);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('reports a missing file in one line on stderr, exit 2', async () => {
    expect(await runCli(['compat', 'v1.avsc', 'missing.avsc'], dir)).toEqual({ code: 2, stdout: '', stderr: 'error: cannot read missing.avsc: no such file\n' });
  });
});
