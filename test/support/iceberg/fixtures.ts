/**
 * The real fixture tables of ../shared/iceberg-fixtures: where they live, how their foreign locations map to a
 * private temporary copy, and how to register them in a PostgreSQL SQL catalog. Fixture files are never modified.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type pg from 'pg';
import { createCatalogTablesSql, type CatalogSchemaVersion } from '../../../src/iceberg/catalog/schema.js';

export const FIXTURES_ROOT = join(process.cwd(), '..', 'shared', 'iceberg-fixtures');
export const FIXTURES_PRESENT = existsSync(join(FIXTURES_ROOT, 'README.md'));

export interface FixtureTable {
  readonly folder: string;
  /** Location prefix used inside the metadata and catalog rows. */
  readonly prefix: string;
  /** Current metadata location as the catalog stores it. */
  readonly metadataLocation: string;
  /** Sub-folder of the copy that the table location maps to (the prefix maps to the folder root). */
  readonly tableDir: string;
}

const V3_TABLE = 'data/persistent/multi_blob_deletion_vectors/warehouse/default/multi_blob_deletion_vectors';

export const FIXTURES = {
  sparkBunnies: { folder: 'spark-bunnies-v2', prefix: 's3a://hyperparam-iceberg/spark/bunnies', metadataLocation: 's3a://hyperparam-iceberg/spark/bunnies/metadata/v5.metadata.json', tableDir: '' },
  javaBunnies: { folder: 'java-bunnies-v2', prefix: 's3a://hyperparam-iceberg/java/bunnies', metadataLocation: 's3a://hyperparam-iceberg/java/bunnies/metadata/v5.metadata.json', tableDir: '' },
  merch: { folder: 'pyiceberg-merch-v1', prefix: 'data/persistent/iceberg_v1_repro', metadataLocation: 'data/persistent/iceberg_v1_repro/repro/merch_v1/metadata/00003-8d01e4aa-d143-49c9-898e-b5e477577b70.metadata.json', tableDir: 'repro/merch_v1' },
  eqDeletes: { folder: 'spark-eqdeletes-v2-broken', prefix: 'data/persistent/equality_deletes/warehouse/mydb/mytable', metadataLocation: 'data/persistent/equality_deletes/warehouse/mydb/mytable/metadata/v7.metadata.json', tableDir: '' },
  v3Puffin: { folder: 'v3-multi-dv-puffin', prefix: 'data/persistent/multi_blob_deletion_vectors', metadataLocation: `${V3_TABLE}/metadata/00003-multi-blob.metadata.json`, tableDir: 'warehouse/default/multi_blob_deletion_vectors' },
  v3Catalog: { folder: 'v3-multi-dv-puffin', prefix: 'data/persistent/multi_blob_deletion_vectors', metadataLocation: `${V3_TABLE}/metadata/00002-44e82e69-84df-401a-b3ad-3d1c89d5c2c0.metadata.json`, tableDir: 'warehouse/default/multi_blob_deletion_vectors' },
} as const satisfies Record<string, FixtureTable>;

/** Copies a fixture folder to a fresh temporary directory and returns the copy's root. */
export function copyFixture(table: FixtureTable): string {
  const dir = mkdtempSync(join(tmpdir(), `gr-fixture-${table.folder}-`));
  cpSync(join(FIXTURES_ROOT, table.folder), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

export async function createCatalog(pool: pg.Pool, version: CatalogSchemaVersion): Promise<void> {
  for (const sql of createCatalogTablesSql(version)) await pool.query(sql);
}

export async function registerTable(pool: pg.Pool, row: { catalog: string; namespace: string; name: string; metadataLocation: string; previous?: string }): Promise<void> {
  await pool.query(
    'INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location) VALUES ($1, $2, $3, $4, $5)',
    [row.catalog, row.namespace, row.name, row.metadataLocation, row.previous ?? null],
  );
  await pool.query(
    "INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, property_value) VALUES ($1, $2, 'exists', 'true') ON CONFLICT DO NOTHING",
    [row.catalog, row.namespace],
  );
}
