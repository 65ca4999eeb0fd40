/** `guardrails check`: changed schema files against their git history, or against a Schema Registry. */
import { openRepository } from '../../github/git/repository.js';
import { runRegistryCheck } from '../../policy/check/run-registry-check.js';
import { defineCommand } from './command.js';
import { checkMetrics } from './metrics-check.js';
import { flag, option } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { textValue } from '../options/text.js';
import { registryUrlOption, reportFormatOption, writeReport, type ReportFormat } from './shared.js';
import type { CliIo } from '../io.js';
import { renderJsonChunks } from '../../policy/report/json.js';
import { exitCodeOf, type CheckReport } from '../../policy/report/model.js';
import { styleFor } from '../../policy/report/style.js';
import { renderTextChunks } from '../../policy/report/text.js';

const REGISTRY = 'Schema Registry';

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'Check changed Avro schemas against their git history or a Schema Registry',
  usage: ['check [--against GIT-REF] [--all] [--format text|json|github] [--config PATH] [--cwd DIR] [--registry-url URL] [--offline]'],
  description: `Checks the Avro schema files changed between the merge-base of GIT-REF and HEAD and the working
tree (committed, staged, unstaged and untracked changes; added, modified, renamed and deleted files).
Each file is checked at its subject's compatibility level against every committed version of it on
GIT-REF's first-parent history, offline: no registry, network or token. When no schema file
changed, the whole committed history of every subject is audited instead.

With a Schema Registry (--registry-url, $GUARDRAILS_REGISTRY_URL or registry.url in the config),
each subject's level, versions and verdict come from the registry instead, cross-checked by the
local engine (docs/registry.md). Credentials come from the environment only:
GUARDRAILS_REGISTRY_API_KEY and _API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN.`,
  options: {
    against: option({
      placeholder: 'GIT-REF',
      description: 'Base branch, tag or commit (default: the first of origin/HEAD, main, master, origin/main, origin/master that exists)',
      parse: textValue(),
    }),
    all: flag('Check every schema file, changed or not'),
    format: reportFormatOption,
    config: option({ placeholder: 'PATH', description: 'Config file (default: guardrails.yaml at the repository root, or built-in defaults)', parse: textValue() }),
    cwd: option({ placeholder: 'DIR', description: 'Run in this directory instead of the current one', parse: pathValue('dir') }),
    'registry-url': registryUrlOption(REGISTRY),
    'registry-ca-file': option({ placeholder: 'PATH', description: 'PEM file of the CA for TLS', parse: textValue(), group: REGISTRY }),
    'registry-cert-file': option({ placeholder: 'PATH', description: 'PEM client certificate for mutual TLS', parse: textValue(), group: REGISTRY }),
    'registry-key-file': option({ placeholder: 'PATH', description: 'PEM client key for mutual TLS', parse: textValue(), group: REGISTRY }),
    'registry-concurrency': option({ placeholder: 'N', description: 'Requests in flight at once, 1-64 (default 4)', parse: intValue(1, 64), group: REGISTRY }),
    'registry-timeout-ms': option({ placeholder: 'MS', description: 'Per-request timeout, 1-600000 (default 30000)', parse: intValue(1, 600_000), group: REGISTRY }),
    'on-registry-unavailable': option({
      placeholder: 'fail|offline',
      description: 'When the registry cannot answer: fail (default) or fall back to the git-history check, marked degraded',
      parse: enumValue(['fail', 'offline'] as const),
      group: REGISTRY,
    }),
    offline: flag('The git-history check even when a registry is configured', { group: REGISTRY }),
  },
  exits: {
    ok: 'compatible',
    failed: 'incompatible',
    unavailable: 'the Schema Registry is unavailable, so the check failed closed',
  },
  notes: 'Refused registry credentials are bad input (2).',
  async run(values, { io, recordMetrics }) {
    const report = await runRegistryCheck({
      cwd: values.cwd ?? io.cwd,
      against: values.against,
      all: values.all,
      configPath: values.config,
      openRepository,
      ...(io.signal !== undefined && { signal: io.signal }),
      registry: {
        flags: {
          url: values['registry-url'],
          caFile: values['registry-ca-file'],
          certFile: values['registry-cert-file'],
          keyFile: values['registry-key-file'],
          concurrency: values['registry-concurrency'],
          timeoutMs: values['registry-timeout-ms'],
        },
        env: io.env,
        offline: values.offline,
        ...(values['on-registry-unavailable'] !== undefined && { onUnavailable: values['on-registry-unavailable'] }),
      },
    });
    recordMetrics?.(checkMetrics(report));
    return writeReportInPieces(report, values.format, io);
  },
});

/**
 * The report written a subject at a time (text and JSON), each piece after the stream took the last
 * (a pipe queues whatever it cannot take at once), so an audit of a whole repository's history is
 * never one string in memory. The same bytes as `writeReport`.
 */
async function writeReportInPieces(report: CheckReport, format: ReportFormat, io: CliIo): Promise<number> {
  if (format === 'github') return writeReport(report, format, io);
  const pieces = format === 'json' ? renderJsonChunks(report) : renderTextChunks(report, styleFor(io.stdout.isTTY, io.env));
  for (const piece of pieces) {
    if (io.stdout.write(piece) === false) await drained(io.stdout);
  }
  return exitCodeOf(report);
}

/** Resolves when a stream that refused more writes can take them again (or closed). */
function drained(stream: CliIo['stdout']): Promise<void> {
  const emitter = stream as Partial<Pick<NodeJS.WritableStream, 'once' | 'off'>>;
  if (typeof emitter.once !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      emitter.off?.('drain', done);
      emitter.off?.('close', done);
      emitter.off?.('error', done);
      resolve();
    };
    emitter.once?.('drain', done);
    emitter.once?.('close', done);
    emitter.once?.('error', done);
  });
}
