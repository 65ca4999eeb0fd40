/** A temporary table root plus the catalog row for a builder-made table. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { registerTable } from './fixtures.js';
import { mappedIO } from './harness.js';
import { TableBuilder } from './table-builder.js';

export interface ScratchTable {
  readonly dir: string;
  readonly io: FileIO;
  readonly builder: TableBuilder;
}

/** A builder writing a `file://` table into a fresh temporary directory. */
export function scratchTable(label: string): ScratchTable {
  const dir = mkdtempSync(join(tmpdir(), `gr-${label}-`));
  const io = mappedIO([]);
  return { dir, io, builder: new TableBuilder(`${pathToFileURL(dir).href}/t`, io) };
}

export async function register(pool: pg.Pool, catalog: string, name: string, location: string): Promise<void> {
  await registerTable(pool, { catalog, namespace: 'ns', name, metadataLocation: location });
}
