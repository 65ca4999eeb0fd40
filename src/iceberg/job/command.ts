/**
 * `guardrails expire-snapshots`: parses its own flags, wires the PostgreSQL catalog and file IO, runs, and maps
 * the outcome to an exit code (0 all tables fine, 1 some table failed, 2 bad usage or no catalog).
 */
import { appendFile } from 'node:fs/promises';
import { PostgresSqlCatalog } from '../catalog/sql-catalog.js';
import { createPool } from '../catalog/connection.js';
import { IcebergError, describeError } from '../errors.js';
import { LocationMap } from '../io/location-map.js';
import { RoutingFileIO } from '../io/router.js';
import { renderGithubSummary } from './github-summary.js';
import { HELP_TEXT } from './help.js';
import { runExpiration } from './run.js';
import { type ExpireSettings, parseExpireArgs } from './settings.js';

export interface CommandIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

async function run(settings: ExpireSettings, io: CommandIO): Promise<number> {
  const pool = createPool({ uri: settings.catalogUri, sslMode: settings.sslMode, poolSize: settings.poolSize }, io.env);
  pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing the process
  try {
    const fileIO = RoutingFileIO.create(new LocationMap(settings.locationMappings), settings.warehouse ?? io.cwd, {
      endpoint: settings.s3Endpoint, region: settings.s3Region, forcePathStyle: settings.s3PathStyle,
    }, settings.maxConcurrentDeletes);
    const summaries = await runExpiration(settings, { catalog: new PostgresSqlCatalog(pool, settings.catalogName), io: fileIO }, io);
    if (settings.summaryMarkdown !== undefined) {
      const heading = `Snapshot expiration, shard ${settings.shard.index}/${settings.shard.count}${settings.dryRun ? ' (dry run)' : ''}`;
      await appendFile(settings.summaryMarkdown, renderGithubSummary(summaries, heading));
    }
    const failed = summaries.filter((s) => s.status === 'failed').length;
    io.stderr(`expire-snapshots: ${summaries.length - failed} table(s) ok, ${failed} failed\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await pool.end().catch(() => {});
  }
}

export async function runExpireSnapshotsCommand(argv: string[], io: CommandIO): Promise<number> {
  try {
    const parsed = parseExpireArgs(argv, io.env);
    if (parsed.help) {
      io.stdout(HELP_TEXT);
      return 0;
    }
    return await run(parsed.settings, io);
  } catch (error) {
    const usage = error instanceof IcebergError && error.code === 'INVALID_INPUT';
    io.stderr(`expire-snapshots: ${usage ? '' : 'catalog error: '}${describeError(error)}\n`);
    return 2;
  }
}
