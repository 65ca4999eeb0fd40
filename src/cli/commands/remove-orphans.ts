/** `guardrails remove-orphans`: delete the files under Iceberg table locations that no metadata reaches (docs/iceberg-orphans.md). */
import { appendFile } from 'node:fs/promises';
import { renderOrphanSummary } from '../../iceberg/orphans/github-summary.js';
import { renderOrphanOutcome, renderOrphanTable } from '../../iceberg/orphans/report.js';
import { removeOrphansThroughRest } from '../../iceberg/orphans/rest.js';
import type { OrphanTableSummary } from '../../iceberg/orphans/summary.js';
import { removeOrphans } from '../../iceberg/orphans/run.js';
import { EXIT, UsageError } from '../errors.js';
import { durationValue } from '../options/duration.js';
import { flag, option, repeatable } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { instantValue } from '../options/instant.js';
import { pathValue } from '../options/path.js';
import { defineCommand } from './command.js';
import { checkCatalogFlags, olderThanValue, resolveConnection, resolveRestSettings } from './iceberg-values.js';
import { ICEBERG_ENVIRONMENT_NOTES, catalogOptions, fileOptions, fileSettingsOf } from './iceberg-options.js';
import { removeOrphansMetrics } from './metrics-remove-orphans.js';
import { COMMAND, cutoffOf, equivalenceValue, equivalences } from './remove-orphans-values.js';
import { jobFormatOption, withJsonFailure, writeJobJson } from './shared.js';

const ORPHANS = 'Orphans';
const OUTPUT = 'Output';

export const removeOrphansCommand = defineCommand({
  name: COMMAND,
  summary: 'Delete files under Iceberg table locations that no snapshot, metadata file or statistics file references',
  usage: ['remove-orphans --catalog-name NAME [--catalog-uri URI] [--namespace NS] [--table NAME] [--older-than AGE|INSTANT] [--prefix-mismatch error|ignore|delete] [--dry-run] [--mark] [--delete-marked-after AGE] [--format text|json]'],
  description: `Lists each selected table's location and deletes the files older than --older-than (3 days by
default) that its current metadata does not reach: every snapshot's manifest list, manifests and live
data and delete files, the current metadata file and every metadata-log entry, statistics and
partition-statistics files, and the version hint. Paths compare as Iceberg Java compares them
(s3, s3a and s3n are one scheme); a file referenced only under another scheme or authority stops the
table unless --prefix-mismatch says otherwise. Files and directories whose name starts with _ or .
are never touched.

Unsure means delete nothing: an unreadable metadata file, manifest list or manifest, another table's
metadata under the location, or gc.enabled=false fails that table before any delete; the other tables
still run. Right before each delete round the catalog pointer is read again, and files a new commit
references are kept.

Two-phase mode: --mark records the orphans in the catalog database (table guardrails_orphan_marks,
created if absent) and deletes nothing; --delete-marked-after 10d deletes only files marked at least
that long ago that are still orphans. Together they mark new orphans and delete old marks in one run.
On SIGINT or SIGTERM no new delete batch starts; what is left is reported and the next run finishes it.`,
  options: {
    ...catalogOptions,
    'older-than': option({ placeholder: 'AGE|INSTANT', description: 'Only files last modified before this age (3d, 72h, …) before --now, or this ISO 8601 instant (default 3d; less than 1d needs --force)', parse: olderThanValue, group: ORPHANS }),
    force: flag('Allow an --older-than of less than 1 day', { group: ORPHANS }),
    now: option({ placeholder: 'INSTANT', description: 'Measure ages from this ISO 8601 instant instead of the clock', parse: instantValue, group: ORPHANS }),
    'prefix-mismatch': option({
      placeholder: 'MODE',
      description: 'A file referenced only under another scheme or authority: error (default: fail the table), ignore (keep it) or delete',
      parse: enumValue(['error', 'ignore', 'delete'] as const),
      fallback: 'error' as 'error' | 'ignore' | 'delete',
      group: ORPHANS,
    }),
    'equal-scheme': repeatable({ placeholder: 'FROM=TO', description: 'Schemes that name the same store (s3a,s3n=s3 is always assumed)', parse: equivalenceValue('scheme'), group: ORPHANS }),
    'equal-authority': repeatable({ placeholder: 'FROM=TO', description: 'Authorities (bucket, host:port) that name the same store', parse: equivalenceValue('authority'), group: ORPHANS }),
    mark: flag('Two-phase mode: record the orphans in the catalog database; delete none of them', { group: ORPHANS }),
    'delete-marked-after': option({ placeholder: 'AGE', description: 'Two-phase mode: delete only orphans marked at least this long ago (e.g. 10d)', parse: durationValue(), group: ORPHANS }),
    ...fileOptions,
    'dry-run': flag('Print every file it would delete, with size and age; delete and mark nothing', { group: OUTPUT }),
    format: { ...jobFormatOption, placeholder: 'text|json', description: 'text (default), or json: one versioned JSON document on stdout (docs/iceberg-orphans.md)', group: OUTPUT },
    'summary-markdown': option({ placeholder: 'FILE', description: 'Append a Markdown summary (one row per table), e.g. $GITHUB_STEP_SUMMARY', parse: pathValue('writable-file'), group: OUTPUT }),
  },
  exits: {
    ok: 'every selected table was cleaned (or had no orphans)',
    failed: 'a table failed (unreadable metadata, prefix mismatch, refused, a delete failed), or a signal stopped the run',
    unavailable: 'the catalog (database or REST service) cannot be reached',
  },
  notes: ICEBERG_ENVIRONMENT_NOTES,
  refine(values, { now }) {
    cutoffOf(values['older-than'], (values.now ?? now()).getTime(), values.force);
    const type = values['catalog-type'];
    checkCatalogFlags(COMMAND, type, { uri: values['catalog-uri'], sslMode: values['catalog-ssl-mode'], warehouse: values['catalog-warehouse'], oauth2ServerUri: values['catalog-oauth2-server-uri'] });
    if (type === 'rest' && (values.mark || values['delete-marked-after'] !== undefined)) {
      throw new UsageError(`${values.mark ? '--mark' : '--delete-marked-after'} keeps its marks in the SQL catalog database, which --catalog-type rest does not have; run the two-phase mode with --catalog-type sql, or drop it`, COMMAND);
    }
  },
  async run(values, { io, signal, now, recordMetrics }) {
    const json = values.format === 'json';
    return withJsonFailure(io, values.format, COMMAND, async () => {
      const nowMs = (values.now ?? now()).getTime();
      const options = {
        selection: { catalogName: values['catalog-name'], namespace: values.namespace, table: values.table },
        shard: values.shard,
        cutoffMs: cutoffOf(values['older-than'], nowMs, values.force),
        nowMs,
        prefixMismatch: values['prefix-mismatch'],
        equivalences: equivalences(values['equal-scheme'], values['equal-authority']),
        dryRun: values['dry-run'],
        mark: values.mark,
        deleteMarkedAfterMs: values['delete-marked-after'],
        maxConcurrentDeletes: values['max-concurrent-deletes'],
        files: fileSettingsOf(values, io.cwd),
      };
      const deps = {
        signal,
        log: (line: string) => io.stderr.write(`${line}\n`),
        ...(json ? {} : { onTable: (summary: OrphanTableSummary) => io.stdout.write(`${renderOrphanTable(summary)}\n`) }),
      };
      const result = values['catalog-type'] === 'rest'
        ? await removeOrphansThroughRest({ ...options, rest: await resolveRestSettings(COMMAND, { uri: values['catalog-uri'], warehouse: values['catalog-warehouse'], oauth2ServerUri: values['catalog-oauth2-server-uri'] }, io.env) }, deps)
        : await removeOrphans({ ...options, connection: await resolveConnection(COMMAND, { uri: values['catalog-uri'], sslMode: values['catalog-ssl-mode'], poolSize: values['catalog-pool-size'] }, io.env) }, deps);
      recordMetrics?.(removeOrphansMetrics(result));
      if (values['summary-markdown'] !== undefined) await appendFile(values['summary-markdown'], renderOrphanSummary(result));
      for (const line of renderOrphanOutcome(result)) io.stderr.write(`${line}\n`);
      const code = result.stopped || result.tables.some((t) => t.status === 'failed' || t.status === 'stopped') ? EXIT.FAILED : EXIT.OK;
      if (json) writeJobJson(io, COMMAND, code, { ...result });
      return code;
    });
  },
});
