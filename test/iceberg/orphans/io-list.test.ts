/** FileIO listing on the local file system: every file at any depth, no symbolic link followed or listed, mapped names. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ListedFile } from '../../../src/iceberg/io/file-io.js';
import { LocalFileIO } from '../../../src/iceberg/io/local.js';
import { LocationMap } from '../../../src/iceberg/io/location-map.js';
import { RoutingFileIO } from '../../../src/iceberg/io/router.js';

async function all(files: AsyncIterable<ListedFile>): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  for await (const f of files) out.push(f);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function tree(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'gr-orphans-list-'));
  const root = join(base, 't');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'data', 'p=1'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'data', 'p=1', 'a.parquet'), 'aaa');
  writeFileSync(join(root, 'version-hint.text'), '1');
  writeFileSync(join(outside, 'precious.parquet'), 'do not touch');
  symlinkSync(outside, join(root, 'data', 'linked-dir'));
  symlinkSync(join(outside, 'precious.parquet'), join(root, 'data', 'linked-file.parquet'));
  return { root, outside };
}

describe('LocalFileIO.list', () => {
  it('lists regular files at any depth with size and mtime, in the spelling of the prefix, and never follows or lists a link', async () => {
    const { root } = tree();
    const io = new LocalFileIO('/', 4);
    const listed = await all(io.list(`${pathToFileURL(root).href}/`));
    expect(listed.map((f) => f.path)).toEqual([`${pathToFileURL(root).href}/data/p=1/a.parquet`, `${pathToFileURL(root).href}/version-hint.text`]);
    expect(listed[0]?.sizeBytes).toBe(3);
    expect(listed[0]?.lastModifiedMs).toBeGreaterThan(0);
    expect((await all(io.list(root))).map((f) => f.path)).toEqual([`${root}/data/p=1/a.parquet`, `${root}/version-hint.text`]);
    expect(await all(io.list(join(root, 'missing')))).toEqual([]);
  });

  it('names files under the logical prefix when a location map redirects the listing', async () => {
    const { root } = tree();
    const io = RoutingFileIO.create(new LocationMap([{ prefix: 's3a://lake/db/t', target: root }]), '/', {}, 4);
    expect((await all(io.list('s3a://lake/db/t'))).map((f) => f.path)).toEqual(['s3a://lake/db/t/data/p=1/a.parquet', 's3a://lake/db/t/version-hint.text']);
    await expect(all(io.list('s3a://lake/db/other'))).rejects.toThrow(/outside every mapped location/);
  });
});
