/**
 * The SQL catalog tables exactly as Iceberg Java's JdbcCatalog (JdbcUtil) and PyIceberg's SqlCatalog create them.
 * V0 has no `iceberg_type`; V1 adds it (Java `jdbc.schema-version=V1`, PyIceberg `schema_version='v1'`).
 */
export type CatalogSchemaVersion = 'V0' | 'V1';

export function createCatalogTablesSql(version: CatalogSchemaVersion): string[] {
  const typeColumn = version === 'V1' ? ',\n  iceberg_type varchar(5)' : '';
  return [
    `CREATE TABLE IF NOT EXISTS iceberg_tables (
  catalog_name varchar(255) NOT NULL,
  table_namespace varchar(255) NOT NULL,
  table_name varchar(255) NOT NULL,
  metadata_location varchar(1000),
  previous_metadata_location varchar(1000)${typeColumn},
  PRIMARY KEY (catalog_name, table_namespace, table_name))`,
    `CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (
  catalog_name varchar(255) NOT NULL,
  namespace varchar(255) NOT NULL,
  property_key varchar(255),
  property_value varchar(1000),
  PRIMARY KEY (catalog_name, namespace, property_key))`,
  ];
}

/** Rows of a V1 catalog may be views; a NULL type means a table written before V1. */
export const TABLE_TYPE_FILTER = "(iceberg_type = 'TABLE' OR iceberg_type IS NULL)";

/**
 * Guardrails' own cleanup journal, beside the catalog tables: one row per expiration whose file cleanup may
 * not have finished. `IF NOT EXISTS` on the table and on every column added later keeps it migration-safe:
 * an older journal gains new columns, and a newer one is left as it is.
 */
export const JOURNAL_TABLE = 'guardrails_cleanup_journal';

export function createJournalTableSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (
  id varchar(36) PRIMARY KEY,
  catalog_name varchar(255) NOT NULL,
  table_namespace varchar(255) NOT NULL,
  table_name varchar(255) NOT NULL,
  base_metadata_location varchar(1000) NOT NULL,
  new_metadata_location varchar(1000) NOT NULL,
  state varchar(16) NOT NULL,
  candidates text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`,
    `ALTER TABLE ${JOURNAL_TABLE} ADD COLUMN IF NOT EXISTS journal_version integer NOT NULL DEFAULT 1`,
    `CREATE INDEX IF NOT EXISTS ${JOURNAL_TABLE}_by_table ON ${JOURNAL_TABLE} (catalog_name, table_namespace, table_name)`,
  ];
}
