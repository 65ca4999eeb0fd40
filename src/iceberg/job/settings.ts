/**
 * The only reader of the expire-snapshots command line: parses and validates every flag once and returns a
 * documented settings object. Messages name the flag, the value and the expected form.
 */
import { parseArgs } from 'node:util';
import { IcebergError } from '../errors.js';
import { type LocationMapping, parseLocationMapping } from '../io/location-map.js';
import { type Shard, parseShard } from './shard.js';

export const DEFAULT_MAX_SNAPSHOT_AGE_MS = 90 * 86_400_000; // runbook Scenario 4: expire snapshots older than 90 days

export interface ExpireSettings {
  /** PostgreSQL URI of the SQL catalog; undefined → PG* environment variables. */
  readonly catalogUri: string | undefined;
  /** `catalog_name` column of iceberg_tables. */
  readonly catalogName: string;
  /** Base for relative table locations (default: the working directory). */
  readonly warehouse: string | undefined;
  readonly namespace: string | undefined;
  readonly table: string | undefined;
  /** Explicit cutoff (epoch ms); undefined → table property, else 90 days. */
  readonly expireOlderThanMs: number | undefined;
  readonly retainLast: number | undefined;
  readonly expireSnapshotIds: readonly string[];
  readonly dryRun: boolean;
  readonly maxConcurrentDeletes: number;
  readonly shard: Shard;
  readonly locationMappings: readonly LocationMapping[];
  readonly s3Endpoint: string | undefined;
  readonly s3Region: string | undefined;
  readonly s3PathStyle: boolean;
  readonly sslMode: string | undefined;
  readonly poolSize: number;
  readonly format: 'text' | 'json';
  /** File to append a Markdown job summary to (e.g. $GITHUB_STEP_SUMMARY). */
  readonly summaryMarkdown: string | undefined;
  /** The run's clock, fixed once (overridable for reproducible runs). */
  readonly now: number;
}

export const OPTIONS = {
  'catalog-uri': { type: 'string' }, 'catalog-name': { type: 'string' }, warehouse: { type: 'string' },
  namespace: { type: 'string' }, table: { type: 'string' },
  'older-than': { type: 'string' }, 'retain-last': { type: 'string' }, 'expire-snapshot-id': { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' }, 'max-concurrent-deletes': { type: 'string' }, shard: { type: 'string' },
  'map-location': { type: 'string', multiple: true }, 's3-endpoint': { type: 'string' }, 's3-region': { type: 'string' },
  's3-path-style': { type: 'boolean' }, 'catalog-ssl-mode': { type: 'string' }, 'catalog-pool-size': { type: 'string' },
  format: { type: 'string' }, 'summary-markdown': { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90d`, `12h`, `30m`… as an age before `now`, or an ISO-8601 timestamp as an absolute cutoff. */
export function parseOlderThan(text: string, now: number): number {
  const duration = DURATION.exec(text.trim());
  if (duration !== null) return now - Number(duration[1]) * (UNIT_MS[duration[2] as string] as number);
  const timestamp = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && Number.isFinite(timestamp)) return timestamp;
  throw new IcebergError('INVALID_INPUT', `--older-than ${JSON.stringify(text)} is neither a duration nor a timestamp`, { hint: 'use e.g. 90d, 36h or 2026-01-31T00:00:00Z' });
}

function positiveInt(flag: string, text: string | undefined, fallback: number | undefined): number | undefined {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new IcebergError('INVALID_INPUT', `--${flag} ${JSON.stringify(text)} is not a positive integer`);
  return Number(text);
}

function snapshotIds(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((id) => {
    if (!/^-?\d{1,19}$/.test(id.trim())) throw new IcebergError('INVALID_INPUT', `--expire-snapshot-id ${JSON.stringify(id)} is not a 64-bit snapshot id`);
    return BigInt(id.trim()).toString();
  });
}

function parseNow(text: string | undefined, clock: () => number): number {
  if (text === undefined) return clock();
  const value = Date.parse(text);
  if (!Number.isFinite(value)) throw new IcebergError('INVALID_INPUT', `--now ${JSON.stringify(text)} is not an ISO-8601 timestamp`);
  return value;
}

function parseFormat(text: string | undefined): 'text' | 'json' {
  if (text === undefined || text === 'text' || text === 'json') return text ?? 'text';
  throw new IcebergError('INVALID_INPUT', `--format ${JSON.stringify(text)} is unknown`, { hint: 'use text or json' });
}

export type ParsedCommand = { readonly help: true } | { readonly help: false; readonly settings: ExpireSettings };

export function parseExpireArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, clock: () => number = Date.now): ParsedCommand {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (cause) {
    throw new IcebergError('INVALID_INPUT', cause instanceof Error ? cause.message : String(cause), { hint: 'see --help' });
  }
  if (values.help === true) return { help: true };
  const catalogName = values['catalog-name'] ?? env['ICEBERG_CATALOG_NAME'];
  if (catalogName === undefined || catalogName === '') throw new IcebergError('INVALID_INPUT', '--catalog-name is required', { hint: 'the catalog_name of the tables in iceberg_tables' });
  const now = parseNow(values.now, clock);
  return {
    help: false,
    settings: {
      catalogUri: values['catalog-uri'] ?? env['ICEBERG_CATALOG_URI'] ?? env['DATABASE_URL'],
      catalogName,
      warehouse: values.warehouse,
      namespace: values.namespace,
      table: values.table,
      expireOlderThanMs: values['older-than'] === undefined ? undefined : parseOlderThan(values['older-than'], now),
      retainLast: positiveInt('retain-last', values['retain-last'], undefined),
      expireSnapshotIds: snapshotIds(values['expire-snapshot-id']),
      dryRun: values['dry-run'] === true,
      maxConcurrentDeletes: positiveInt('max-concurrent-deletes', values['max-concurrent-deletes'], 16) as number,
      shard: parseShard(values.shard ?? '0/1'),
      locationMappings: (values['map-location'] ?? []).map(parseLocationMapping),
      s3Endpoint: values['s3-endpoint'] ?? env['AWS_ENDPOINT_URL_S3'] ?? env['AWS_ENDPOINT_URL'],
      s3Region: values['s3-region'],
      s3PathStyle: values['s3-path-style'] === true,
      sslMode: values['catalog-ssl-mode'],
      poolSize: positiveInt('catalog-pool-size', values['catalog-pool-size'], 4) as number,
      format: parseFormat(values.format),
      summaryMarkdown: values['summary-markdown'],
      now,
    },
  };
}
