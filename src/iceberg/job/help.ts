export const HELP_TEXT = `Usage: guardrails expire-snapshots --catalog-name NAME [options]

Expire old Iceberg snapshots of tables in a PostgreSQL SQL catalog (JdbcCatalog / PyIceberg SqlCatalog),
then delete the files no kept snapshot can reach. Plan, commit (compare-and-swap), then delete.

Catalog:
  --catalog-uri URI           postgres://user:pass@host:5432/db (default: $ICEBERG_CATALOG_URI, $DATABASE_URL, PG* vars)
  --catalog-name NAME         catalog_name in iceberg_tables (default: $ICEBERG_CATALOG_NAME)
  --catalog-ssl-mode MODE     disable | require | verify-ca | verify-full (default: sslmode in URI or $PGSSLMODE)
  --catalog-pool-size N       connections (default 4)
  --namespace NS              only this namespace (levels joined with '.')
  --table NAME                only this table
  --shard K/N                 only tables hashing to shard K of N (K from 0), for matrix / indexed jobs

Retention:
  --older-than AGE|TIME       expire snapshots older than 90d, 36h, … or an ISO timestamp
                              (default: table property history.expire.max-snapshot-age-ms, else 90d)
  --retain-last N             keep at least N snapshots per branch (default: history.expire.min-snapshots-to-keep, else 1)
  --expire-snapshot-id ID     also expire this snapshot (repeatable; refused if a kept ref points at it)

Files:
  --warehouse DIR             base for relative table locations (default: working directory)
  --map-location PREFIX=DIR   read/delete PREFIX/... under DIR instead (repeatable; then nothing outside is touched)
  --s3-endpoint URL           S3-compatible endpoint; --s3-region REGION; --s3-path-style
  --max-concurrent-deletes N  parallel deletes / DeleteObjects batches (default 16)

Output:
  --dry-run                   print the plan (snapshots, files, bytes) and write nothing
  --format text|json          human-readable report, or one JSON summary per table per line (default text)
  --summary-markdown FILE     append a Markdown summary (tables + Mermaid charts), e.g. $GITHUB_STEP_SUMMARY
  --now TIME                  evaluate ages against this instant instead of the clock
  -h, --help                  this text

Exit status: 0 all tables succeeded, 1 at least one table failed, 2 bad usage or catalog unreachable.
`;
