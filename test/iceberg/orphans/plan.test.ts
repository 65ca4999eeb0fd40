/** The pure core of orphan removal: how locations compare, and the order of the plan's filters. */
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.js';
import { DEFAULT_EQUIVALENCES, ReferencedIndex, splitLocation } from '../../../src/iceberg/orphans/locations.js';
import { planOrphans } from '../../../src/iceberg/orphans/plan.js';

describe('location comparison (as Java ToFileURI / FindOrphanFiles)', () => {
  it('splits scheme, authority and path, maps s3a and s3n to s3, and collapses repeated slashes', () => {
    expect(splitLocation('s3a://Bucket/t//data/x.parquet')).toEqual({ scheme: 's3', authority: 'bucket', path: '/t/data/x.parquet' });
    expect(splitLocation('file:/tmp/t/x')).toEqual({ scheme: 'file', authority: '', path: '/tmp/t/x' });
    expect(splitLocation('file:///tmp/t/x/')).toEqual({ scheme: 'file', authority: '', path: '/tmp/t/x' });
    expect(splitLocation('/tmp/t/x')).toEqual({ scheme: '', authority: '', path: '/tmp/t/x' });
    expect(splitLocation('C:/lake/t/x')).toEqual({ scheme: '', authority: '', path: 'C:/lake/t/x' });
    expect(splitLocation('hdfs://nn1:8020/t/x', { schemes: {}, authorities: { 'nn1:8020': 'nn' } })).toEqual({ scheme: 'hdfs', authority: 'nn', path: '/t/x' });
  });

  it('matches by path; a referenced empty scheme or authority matches any; another one is a mismatch', () => {
    const index = new ReferencedIndex(DEFAULT_EQUIVALENCES);
    index.add('s3a://lake/t/data/a.parquet');
    index.add('/tmp/t/data/b.parquet');
    index.add('hdfs://nn1/t/data/c.parquet');
    expect(index.classify('s3://lake/t/data/a.parquet').kind).toBe('referenced');
    expect(index.classify('file:///tmp/t/data/b.parquet').kind).toBe('referenced');
    expect(index.classify('s3://other/t/data/a.parquet')).toEqual({ kind: 'mismatch', referencedAs: 's3a://lake/t/data/a.parquet' });
    expect(index.classify('hdfs://nn2/t/data/c.parquet').kind).toBe('mismatch');
    expect(index.classify('s3://lake/t/data/a%2F.parquet').kind).toBe('orphan'); // encoded and decoded keys are different objects
    expect(index.size).toBe(3);
  });
});

describe('planOrphans', () => {
  const cutoffMs = 1_000;
  const file = (path: string, lastModifiedMs = 0) => ({ path, sizeBytes: 1, lastModifiedMs });
  const plan = (paths: ReturnType<typeof file>[], referenced: string[], mode: 'error' | 'ignore' | 'delete' = 'error', fields: string[] = []) => {
    const index = new ReferencedIndex();
    for (const r of referenced) index.add(r);
    return planOrphans({ root: 's3://lake/t', listed: paths, referenced: index, cutoffMs, prefixMismatch: mode, partitionFields: new Set(fields), metadataDirs: ['s3://lake/t/metadata'] });
  };

  it('skips hidden paths but not partition directories of a field starting with _; keeps files not strictly older than the cutoff', () => {
    const result = plan([
      file('s3://lake/t/data/_SUCCESS'), file('s3://lake/t/_temporary/0/x'), file('s3://lake/t/data/.x.crc'),
      file('s3://lake/t/data/_bucket=1/x.parquet'), file('s3://lake/t/data/at-cutoff', cutoffMs), file('s3://lake/t/data/old'),
    ], [], 'error', ['_bucket']);
    expect(result.hidden).toBe(3);
    expect(result.tooYoung).toBe(1);
    expect(result.orphans.map((f) => f.path)).toEqual(['s3://lake/t/data/_bucket=1/x.parquet', 's3://lake/t/data/old']);
  });

  it('resolves mismatches by mode, and flags metadata of another table under the root', () => {
    const listed = [file('s3://lake/t/data/a'), file('s3://lake/t/nested/metadata/00001-x.metadata.json'), file('s3://lake/t/metadata/v1.metadata.json')];
    const referenced = ['s3://other/t/data/a', 's3://lake/t/metadata/v1.metadata.json'];
    expect(plan(listed, referenced, 'error').mismatches).toEqual([{ path: 's3://lake/t/data/a', referencedAs: 's3://other/t/data/a' }]);
    expect(plan(listed, referenced, 'ignore').orphans.map((f) => f.path)).toEqual(['s3://lake/t/nested/metadata/00001-x.metadata.json']);
    expect(plan(listed, referenced, 'delete').orphans.map((f) => f.path)).toEqual(['s3://lake/t/data/a', 's3://lake/t/nested/metadata/00001-x.metadata.json']);
    expect(plan(listed, referenced).foreignMetadata).toEqual(['s3://lake/t/nested/metadata/00001-x.metadata.json']);
  });
});

describe('guardrails remove-orphans --help', () => {
  it('documents the orphan options and the exit codes', async () => {
    let stdout = '';
    const code = await run(['remove-orphans', '--help'], { cwd: process.cwd(), env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => {} } });
    expect(code).toBe(0);
    for (const flag of ['--older-than AGE|INSTANT', '--force', '--prefix-mismatch MODE', '--equal-scheme FROM=TO', '--mark', '--delete-marked-after AGE', '--dry-run', '--map-location PREFIX=TARGET']) expect(stdout).toContain(flag);
    expect(stdout).toContain('Usage: guardrails remove-orphans --catalog-name NAME');
  });
});
