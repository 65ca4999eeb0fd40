/** The shared value parsers: what each accepts, and the reason and hint of each refusal. */
import { chmod, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationValue, tryParseDuration } from '../../src/cli/options/duration.js';
import { enumValue } from '../../src/cli/options/enum.js';
import { instantValue, parseInstant } from '../../src/cli/options/instant.js';
import { intValue } from '../../src/cli/options/int.js';
import { InvalidValue } from '../../src/cli/options/invalid-value.js';
import { pathValue } from '../../src/cli/options/path.js';
import { shardValue } from '../../src/cli/options/shard.js';
import { displayPostgresUri, displayUrl, postgresUriValue, urlListValue, urlValue } from '../../src/cli/options/url.js';

const context = { cwd: '/' };

function refusal(parse: () => unknown): { reason: string; hint: string | undefined } {
  try {
    parse();
  } catch (error) {
    if (error instanceof InvalidValue) return { reason: error.reason, hint: error.hint };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('instants', () => {
  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T02:00Z', '2026-11-20T02:00:00.000Z'],
    ['2026-11-20T02:00:30Z', '2026-11-20T02:00:30.000Z'],
    ['2026-11-20T02:00:30.250Z', '2026-11-20T02:00:30.250Z'],
    ['2026-11-20T12:00:00+10:00', '2026-11-20T02:00:00.000Z'],
    ['2026-11-19T21:30:00-04:30', '2026-11-20T02:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(new Date(parseInstant(text)).toISOString()).toBe(iso);
  });

  it.each([
    ['notadate', 'is not an ISO 8601 date or date-time'],
    ['2026-13-45', 'is not a real date or time'],
    ['2026-02-30', 'is not a real date or time'],
    ['2025-02-29', 'is not a real date or time'],
    ['2026-11-20T24:00Z', 'is not a real date or time'],
    ['2026-11-20T02:00', 'has no time zone'],
    ['2026-11-20 02:00Z', 'is not an ISO 8601 date or date-time'],
    ['20261120', 'is not an ISO 8601 date or date-time'],
    ['', 'is not an ISO 8601 date or date-time'],
  ])('refuses %j: %s', (text, reason) => {
    expect(refusal(() => instantValue(text, context)).reason).toBe(reason);
  });
});

describe('durations', () => {
  it.each([
    ['90d', 90 * 86_400_000],
    ['36h', 36 * 3_600_000],
    ['15m', 900_000],
    ['30s', 30_000],
    ['500ms', 500],
    ['2w', 14 * 86_400_000],
  ])('reads %s', (text, ms) => {
    expect(tryParseDuration(text)).toBe(ms);
    expect(durationValue()(text, context)).toBe(ms);
  });

  it('refuses other units, naming the accepted ones', () => {
    expect(refusal(() => durationValue()('5x', context))).toEqual({
      reason: 'is not a duration',
      hint: 'use a whole number and one of the units ms, s, m, h, d, w (e.g. 90d, 36h, 15m)',
    });
    expect(tryParseDuration('1.5h')).toBeUndefined();
    expect(tryParseDuration('-3d')).toBeUndefined();
  });
});

describe('integers, enumerations and shards', () => {
  it('checks integers against their range', () => {
    expect(intValue(1, 64)('8', context)).toBe(8);
    for (const text of ['0', '65', '-1', '8.5', '1e2', ' 8', '']) expect(refusal(() => intValue(1, 64)(text, context)).reason).toBe('is not a whole number from 1 to 64');
  });

  it('lists the accepted values of an enumeration', () => {
    expect(enumValue(['text', 'json'] as const)('json', context)).toBe('json');
    expect(refusal(() => enumValue(['text', 'json'] as const)('xml', context)).reason).toBe('is not one of text, json');
    expect(enumValue(['BACKWARD', 'FULL'] as const, { ignoreCase: true })('full', context)).toBe('FULL');
  });

  it('reads k/n shards with 0 <= k < n', () => {
    expect(shardValue('2/4', context)).toEqual({ index: 2, count: 4 });
    for (const text of ['4/4', '1/0', 'a/b', '1', '-1/4']) expect(refusal(() => shardValue(text, context)).reason).toBe('is not k/n with 0 <= k < n');
  });
});

describe('URLs', () => {
  const registry = urlValue({ credentialsFrom: 'GUARDRAILS_REGISTRY_API_KEY and _API_SECRET' });

  it('accepts http and https base URLs, without a trailing slash', () => {
    expect(registry('https://registry.example:8081/', context)).toBe('https://registry.example:8081');
    expect(registry('http://127.0.0.1:8081/prefix', context)).toBe('http://127.0.0.1:8081/prefix');
  });

  it('refuses credentials, naming where they go, and never shows them', () => {
    expect(refusal(() => registry('https://key:secret@registry.example', context))).toEqual({
      reason: 'holds credentials',
      hint: 'put them in GUARDRAILS_REGISTRY_API_KEY and _API_SECRET, never in a URL',
    });
    expect(refusal(() => registry('https://key@registry.example', context)).reason).toBe('holds credentials');
    expect(displayUrl('https://key:secret@registry.example/x?token=t')).toBe('https://registry.example/x');
    expect(displayUrl('not a url://key:secret@host?x')).not.toContain('secret');
  });

  it('refuses other schemes, queries and non-URLs', () => {
    expect(refusal(() => registry('ftp://registry.example', context)).reason).toBe('is not http or https');
    expect(refusal(() => registry('https://registry.example?token=abc', context)).reason).toBe('has a query or fragment');
    expect(refusal(() => registry('registry.example', context)).reason).toBe('is not a URL');
  });

  it('checks every URL of a failover list', () => {
    const list = urlListValue({ credentialsFrom: 'the variables' });
    expect(list('https://a.example, https://b.example/', context)).toBe('https://a.example,https://b.example');
    expect(refusal(() => list('https://a.example,https://u:p@b.example', context)).reason).toBe('holds credentials');
    expect(refusal(() => list('https://a.example,,https://b.example', context)).reason).toBe('has an empty entry');
  });

  it('refuses a PostgreSQL password on the command line, and displays URIs without it', () => {
    const flag = postgresUriValue({ allowPassword: false, passwordFrom: 'PGPASSWORD' });
    expect(flag('postgres://app@db:5432/catalog', context)).toBe('postgres://app@db:5432/catalog');
    expect(refusal(() => flag('postgres://app:pw@db/catalog', context))).toEqual({ reason: 'holds a password', hint: 'put it in PGPASSWORD, never on the command line' });
    expect(refusal(() => flag('mysql://db/catalog', context)).reason).toBe('is not a postgres:// URI');
    expect(postgresUriValue({ allowPassword: true, passwordFrom: 'x' })('postgresql://app:pw@db/c', context)).toBe('postgresql://app:pw@db/c');
    expect(displayPostgresUri('postgres://app:pw@db:5432/catalog?sslmode=require')).toBe('postgres://app@db:5432/catalog');
  });
});

describe('paths', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guardrails-paths-'));
    await writeFile(join(dir, 'a-file'), 'x');
    await mkdir(join(dir, 'a-dir'));
    await mkdir(join(dir, 'locked'));
    await chmod(join(dir, 'locked'), 0o500);
  });
  afterAll(async () => {
    await chmod(join(dir, 'locked'), 0o700);
    await rm(dir, { recursive: true, force: true });
  });
  const at = () => ({ cwd: dir });
  async function refused(kind: Parameters<typeof pathValue>[0], text: string): Promise<string> {
    try {
      await pathValue(kind)(text, at());
    } catch (error) {
      if (error instanceof InvalidValue) return error.reason;
      throw error;
    }
    throw new Error(`expected ${text} to be refused as ${kind}`);
  }

  it('resolves relative paths against the working directory and keeps absolute ones', async () => {
    expect(await pathValue('dir')('a-dir', at())).toBe(join(dir, 'a-dir'));
    expect(await pathValue('dir')(join(dir, 'a-dir'), { cwd: '/elsewhere' })).toBe(join(dir, 'a-dir'));
    expect(await pathValue('file')('a-file', at())).toBe(join(dir, 'a-file'));
  });

  it('says what it found instead', async () => {
    expect(await refused('dir', 'nowhere')).toBe('does not exist');
    expect(await refused('dir', 'a-file')).toBe('is a file, not a directory');
    expect(await refused('file', 'a-dir')).toBe('is a directory, not a file');
    expect(await refused('file', 'a-file/x')).toBe('is below a file, not a directory');
    expect(await refused('writable-dir', 'a-file/sub')).toMatch(/^cannot be created: .*a-file is a file, not a directory$/);
    expect(await refused('writable-file', 'a-file/x/y.json')).toMatch(/^cannot be created: .*a-file is a file, not a directory$/);
    expect(await refused('writable-file', 'a-dir')).toBe('is a directory, not a file');
    expect(await refused('dir', '')).toBe('is empty');
  });

  it('accepts a writable directory or file that does not exist yet, below a writable one', async () => {
    expect(await pathValue('writable-dir')('new/deeper', at())).toBe(join(dir, 'new', 'deeper'));
    expect(await pathValue('writable-file')('a-dir/report.json', at())).toBe(join(dir, 'a-dir', 'report.json'));
  });

  it.skipIf(process.getuid?.() === 0)('refuses a directory it cannot write', async () => {
    expect(await refused('writable-dir', 'locked/sub')).toMatch(/is not writable$/);
  });
});
