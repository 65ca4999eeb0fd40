/** `guardrails expire-snapshots`: Iceberg snapshot expiration over a PostgreSQL SQL catalog (docs/iceberg-expiration.md). */
import { appendFile } from 'node:fs/promises';
import { renderGithubSummary } from '../../iceberg/job/github-summary.js';
import { expire, type ExpirationRun, type TableSummary } from '../../iceberg/job/index.js';
import { renderRunOutcome, renderTableText } from '../../iceberg/job/report.js';
import { EXIT } from '../errors.js';
import { flag, option, repeatable, required } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { instantValue } from '../options/instant.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { shardValue } from '../options/shard.js';
import { textValue } from '../options/text.js';
import { urlValue } from '../options/url.js';
import { defineCommand } from './command.js';
import { expireSnapshotsMetrics } from './metrics-expire-snapshots.js';
import { CATALOG_TYPES, SSL_MODES, catalogUriValue, checkCatalogFlags, displayCatalogUri, locationMappingValue, olderThanValue, resolveConnection, resolveRestSettings, snapshotIdValue } from './expire-snapshots-values.js';
import { jobFormatOption, writeJobJson } from './shared.js';

const CATALOG = 'Catalog';
const RETENTION = 'Retention';
const FILES = 'Files';
const OUTPUT = 'Output';

export const expireSnapshotsCommand = defineCommand({
  name: 'expire-snapshots',
  summary: 'Expire old Iceberg snapshots in a PostgreSQL SQL catalog and delete files nothing kept needs',
  usage: ['expire-snapshots --catalog-name NAME [--catalog-uri URI] [--namespace NS] [--table NAME] [--older-than AGE|INSTANT] [--retain-last N] [--dry-run] [--format text|json]'],
  description: `Expires old snapshots of the tables of an Iceberg SQL catalog in PostgreSQL (JdbcCatalog or
PyIceberg SqlCatalog, V0 or V1 schema), then deletes the files no kept snapshot can reach. Plan,
prove every kept manifest readable, commit with compare-and-swap, then delete; a table that cannot
be expired safely is reported and the others still run.

Before any write it checks that the database answers, that it holds iceberg_tables, and that
--catalog-name, --namespace and --table match at least one table (else it lists the names there).
On SIGINT or SIGTERM it starts no new commit and no new delete, lets requests in flight settle,
removes a metadata file it wrote but did not commit, and says what was done and what was not; a
table already committed leaves its remaining deletes to the next run.`,
  options: {
    'catalog-type': option({ placeholder: 'sql|rest', description: 'sql: a PostgreSQL SQL catalog; rest: an Iceberg REST catalog (docs/iceberg-rest-catalog.md) (default sql)', env: 'ICEBERG_CATALOG_TYPE', parse: enumValue(CATALOG_TYPES), fallback: 'sql' as const, group: CATALOG }),
    'catalog-uri': option({
      placeholder: 'URI',
      description: 'sql: postgres://USER@HOST:5432/DATABASE, no password (default $ICEBERG_CATALOG_URI, then $DATABASE_URL, then PGHOST/PGUSER/…); rest: https://HOST/PATH before /v1 (default $ICEBERG_CATALOG_URI)',
      parse: catalogUriValue,
      display: displayCatalogUri,
      group: CATALOG,
    }),
    'catalog-name': required({ placeholder: 'NAME', description: 'catalog_name of the tables in iceberg_tables (rest: the name reports give the catalog)', env: 'ICEBERG_CATALOG_NAME', parse: textValue(), group: CATALOG }),
    'catalog-ssl-mode': option({ placeholder: 'MODE', description: `${SSL_MODES.join(', ')} (default: sslmode in the URI, else $PGSSLMODE)`, parse: enumValue(SSL_MODES), group: CATALOG }),
    'catalog-warehouse': option({ placeholder: 'WAREHOUSE', description: 'rest: the warehouse to ask /v1/config for', env: 'ICEBERG_CATALOG_WAREHOUSE', parse: textValue(), group: CATALOG }),
    'catalog-oauth2-server-uri': option({ placeholder: 'URL', description: "rest: the OAuth2 token endpoint for GUARDRAILS_ICEBERG_REST_CREDENTIAL (default the catalog's /v1/oauth/tokens)", env: 'GUARDRAILS_ICEBERG_REST_OAUTH2_SERVER_URI', parse: urlValue({ credentialsFrom: 'GUARDRAILS_ICEBERG_REST_CREDENTIAL' }), group: CATALOG }),
    'catalog-pool-size': option({ placeholder: 'N', description: 'PostgreSQL connections, 1-64 (default 4)', parse: intValue(1, 64), fallback: 4, group: CATALOG }),
    namespace: option({ placeholder: 'NS', description: "Only this namespace (levels joined with '.')", parse: textValue(), group: CATALOG }),
    table: option({ placeholder: 'NAME', description: 'Only this table', parse: textValue(), group: CATALOG }),
    shard: option({ placeholder: 'K/N', description: 'Only tables hashing to shard K of N (K from 0), for matrix and indexed jobs (default 0/1)', parse: shardValue, fallback: { index: 0, count: 1 }, group: CATALOG }),
    'older-than': option({
      placeholder: 'AGE|INSTANT',
      description: 'Expire snapshots older than 90d, 36h, … before --now, or than an ISO 8601 instant (default: history.expire.max-snapshot-age-ms, else 90d)',
      parse: olderThanValue,
      group: RETENTION,
    }),
    'retain-last': option({ placeholder: 'N', description: 'Keep at least N snapshots per branch, 1-1000000 (default: history.expire.min-snapshots-to-keep, else 1)', parse: intValue(1, 1_000_000), group: RETENTION }),
    'expire-snapshot-id': repeatable({ placeholder: 'ID', description: 'Also expire this snapshot; refused when a kept branch or tag points at it', parse: snapshotIdValue, group: RETENTION }),
    'clean-expired-metadata': flag('Also remove partition specs and schemas no kept snapshot uses (Iceberg Java 1.11 cleanExpiredMetadata)', { group: RETENTION }),
    now: option({ placeholder: 'INSTANT', description: 'Measure ages from this ISO 8601 instant instead of the clock', parse: instantValue, group: RETENTION }),
    warehouse: option({ placeholder: 'DIR', description: 'Base for relative table locations (default: the working directory)', parse: pathValue('dir'), group: FILES }),
    'map-location': repeatable({ placeholder: 'PREFIX=TARGET', description: 'Read and delete PREFIX/… under TARGET instead; with any mapping, nothing outside is touched', parse: locationMappingValue, group: FILES }),
    's3-endpoint': option({ placeholder: 'URL', description: 'S3-compatible endpoint (MinIO, Ceph, …); credentials from the AWS chain', env: 'AWS_ENDPOINT_URL_S3', parse: urlValue({ credentialsFrom: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the AWS credential chain)' }), group: FILES }),
    's3-region': option({ placeholder: 'REGION', description: 'S3 region (default us-east-1)', env: 'AWS_REGION', parse: textValue(/^[a-z0-9-]+$/, 'an AWS region such as eu-west-1'), group: FILES }),
    's3-path-style': flag('Path-style S3 requests (most S3-compatible stores)', { group: FILES }),
    'max-concurrent-deletes': option({ placeholder: 'N', description: 'Parallel deletes or DeleteObjects batches, 1-256 (default 16)', parse: intValue(1, 256), fallback: 16, group: FILES }),
    'dry-run': flag('Print the plan (snapshots, files, bytes); write, commit and delete nothing', { group: OUTPUT }),
    format: { ...jobFormatOption, placeholder: 'text|json', description: 'text (default), or json: one versioned JSON document on stdout (docs/iceberg-expiration.md)', group: OUTPUT },
    'summary-markdown': option({ placeholder: 'FILE', description: 'Append a Markdown summary with Mermaid charts, e.g. $GITHUB_STEP_SUMMARY', parse: pathValue('writable-file'), group: OUTPUT }),
  },
  exits: {
    ok: 'every selected table expired (or had nothing to expire)',
    failed: 'at least one table failed, or a signal stopped the run',
    unavailable: 'the catalog database cannot be reached',
  },
  notes: `Environment: ICEBERG_CATALOG_URI or DATABASE_URL (a URI that may hold the password), PGPASSWORD,
PGHOST, PGPORT, PGUSER, PGDATABASE, PGSSLMODE; S3 credentials from the AWS chain.
REST catalog: GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret, OAuth2 client credentials) or
GUARDRAILS_ICEBERG_REST_TOKEN (a bearer token); vended S3 credentials are used where offered.
Progress goes to stderr, reports to stdout.`,
  async run(values, { io, signal, now, recordMetrics }) {
    const type = values['catalog-type'];
    checkCatalogFlags(type, { uri: values['catalog-uri'], sslMode: values['catalog-ssl-mode'], warehouse: values['catalog-warehouse'], oauth2ServerUri: values['catalog-oauth2-server-uri'] });
    const json = values.format === 'json';
    const dryRun = values['dry-run'];
    const options = {
      selection: { catalogName: values['catalog-name'], namespace: values.namespace, table: values.table },
      shard: values.shard,
      retention: { olderThan: values['older-than'], retainLast: values['retain-last'], expireSnapshotIds: values['expire-snapshot-id'] },
      dryRun,
      cleanExpiredMetadata: values['clean-expired-metadata'],
      now: (values.now ?? now()).getTime(),
      files: {
        warehouse: values.warehouse ?? io.cwd,
        locationMappings: values['map-location'],
        s3: { endpoint: values['s3-endpoint'], region: values['s3-region'], forcePathStyle: values['s3-path-style'] },
        maxConcurrentDeletes: values['max-concurrent-deletes'],
      },
    };
    const deps = {
      signal,
      log: (line: string) => io.stderr.write(`${line}\n`),
      ...(json ? {} : { onTable: (summary: TableSummary) => io.stdout.write(`${renderTableText(summary)}\n`) }),
    };
    const catalog = type === 'rest'
      ? { rest: await resolveRestSettings({ uri: values['catalog-uri'], warehouse: values['catalog-warehouse'], oauth2ServerUri: values['catalog-oauth2-server-uri'] }, io.env) }
      : { connection: await resolveConnection({ uri: values['catalog-uri'], sslMode: values['catalog-ssl-mode'], poolSize: values['catalog-pool-size'] }, io.env) };
    const result = await expire({ ...options, ...catalog }, deps);
    recordMetrics?.(expireSnapshotsMetrics(result));
    if (values['summary-markdown'] !== undefined) await appendFile(values['summary-markdown'], renderGithubSummary(result.tables, heading(result)));
    for (const line of renderRunOutcome(result)) io.stderr.write(`${line}\n`);
    const code = result.stopped || result.tables.some((t) => t.status === 'failed' || t.status === 'stopped') ? EXIT.FAILED : EXIT.OK;
    if (json) writeJobJson(io, 'expire-snapshots', code, { ...result });
    return code;
  },
});

function heading(run: ExpirationRun): string {
  return `Snapshot expiration, shard ${run.shard.index}/${run.shard.count}${run.dryRun ? ' (dry run)' : ''}${run.stopped ? ' (stopped by a signal)' : ''}`;
}
