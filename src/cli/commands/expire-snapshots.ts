/** `guardrails expire-snapshots`: Iceberg snapshot expiration over a PostgreSQL SQL catalog (docs/iceberg-expiration.md). */
import { appendFile } from 'node:fs/promises';
import { renderGithubSummary } from '../../iceberg/job/github-summary.js';
import { expire, type ExpirationRun, type TableSummary } from '../../iceberg/job/index.js';
import { renderRunOutcome, renderTableText } from '../../iceberg/job/report.js';
import { EXIT } from '../errors.js';
import { flag, option, repeatable } from '../options/define.js';
import { instantValue } from '../options/instant.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { defineCommand } from './command.js';
import { expireSnapshotsMetrics } from './metrics-expire-snapshots.js';
import { checkCatalogFlags, olderThanValue, resolveConnection, resolveRestSettings, snapshotIdValue } from './iceberg-values.js';
import { ICEBERG_ENVIRONMENT_NOTES, catalogOptions, fileOptions, fileSettingsOf } from './iceberg-options.js';
import { jobFormatOption, writeJobJson } from './shared.js';

const COMMAND = 'expire-snapshots';
const RETENTION = 'Retention';
const OUTPUT = 'Output';

export const expireSnapshotsCommand = defineCommand({
  name: COMMAND,
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
    ...catalogOptions,
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
    ...fileOptions,
    'dry-run': flag('Print the plan (snapshots, files, bytes); write, commit and delete nothing', { group: OUTPUT }),
    format: { ...jobFormatOption, placeholder: 'text|json', description: 'text (default), or json: one versioned JSON document on stdout (docs/iceberg-expiration.md)', group: OUTPUT },
    'summary-markdown': option({ placeholder: 'FILE', description: 'Append a Markdown summary with Mermaid charts, e.g. $GITHUB_STEP_SUMMARY', parse: pathValue('writable-file'), group: OUTPUT }),
  },
  exits: {
    ok: 'every selected table expired (or had nothing to expire)',
    failed: 'at least one table failed, or a signal stopped the run',
    unavailable: 'the catalog database cannot be reached',
  },
  notes: ICEBERG_ENVIRONMENT_NOTES,
  async run(values, { io, signal, now, recordMetrics }) {
    const type = values['catalog-type'];
    checkCatalogFlags(COMMAND, type, { uri: values['catalog-uri'], sslMode: values['catalog-ssl-mode'], warehouse: values['catalog-warehouse'], oauth2ServerUri: values['catalog-oauth2-server-uri'] });
    const json = values.format === 'json';
    const dryRun = values['dry-run'];
    const options = {
      selection: { catalogName: values['catalog-name'], namespace: values.namespace, table: values.table },
      shard: values.shard,
      retention: { olderThan: values['older-than'], retainLast: values['retain-last'], expireSnapshotIds: values['expire-snapshot-id'] },
      dryRun,
      cleanExpiredMetadata: values['clean-expired-metadata'],
      now: (values.now ?? now()).getTime(),
      files: fileSettingsOf(values, io.cwd),
    };
    const deps = {
      signal,
      log: (line: string) => io.stderr.write(`${line}\n`),
      ...(json ? {} : { onTable: (summary: TableSummary) => io.stdout.write(`${renderTableText(summary)}\n`) }),
    };
    const catalog = type === 'rest'
      ? { rest: await resolveRestSettings(COMMAND, { uri: values['catalog-uri'], warehouse: values['catalog-warehouse'], oauth2ServerUri: values['catalog-oauth2-server-uri'] }, io.env) }
      : { connection: await resolveConnection(COMMAND, { uri: values['catalog-uri'], sslMode: values['catalog-ssl-mode'], poolSize: values['catalog-pool-size'] }, io.env) };
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
