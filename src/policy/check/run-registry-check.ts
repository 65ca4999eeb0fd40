/**
 * `guardrails check` with a Schema Registry: the same plan and working tree as the offline check, but
 * each subject's history, level and verdict come from the registry. Without a registry URL (flag,
 * environment or config) or with `--offline`, it is the offline check.
 *
 * Fail closed (issue 3 §3): when the registry cannot answer, the run throws a RegistryCheckError,
 * unless the config says `on-registry-unavailable: offline`; then the git-history check runs and the
 * report is marked degraded. Refused credentials never fall back: the fallback would hide them.
 */
import { readFile } from 'node:fs/promises';
import { createRegistryClient, type RegistryClientHandle, type RegistrySettings } from '../../registry/index.js';
import type { CheckReport } from '../report/model.js';
import type { CheckTarget } from './plan.js';
import { referenceResolver } from './references.js';
import { checkTargetsAgainstRegistry, RegistryCheckError } from './registry-check.js';
import { registryFacts } from './registry-facts.js';
import { registrySettingsOf, registryUrlOf, type RegistryFlags } from './registry-settings.js';
import { offlineReport, prepareCheck, reportOf, type CheckRunOptions, type PreparedCheck } from './run-check.js';
import { CommittedSources } from './workspace.js';

export interface RegistryCheckOptions extends CheckRunOptions {
  readonly registry: {
    readonly flags: RegistryFlags;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** `--offline`: the git-history check even when a registry is configured. */
    readonly offline?: boolean;
    /** `--on-registry-unavailable`: overrides the config. */
    readonly onUnavailable?: 'fail' | 'offline';
    /** Builds the client; the real one by default. */
    readonly createClient?: (settings: RegistrySettings) => RegistryClientHandle;
    /** Reads PEM files; node's by default. */
    readonly readFile?: (path: string) => Promise<string>;
  };
}

export async function runRegistryCheck(options: RegistryCheckOptions): Promise<CheckReport> {
  const prepared = await prepareCheck(options);
  const inputs = { flags: options.registry.flags, env: options.registry.env, readFile: options.registry.readFile ?? ((path: string) => readFile(path, 'utf8')) };
  const config = prepared.settings.registry;
  if (options.registry.offline === true || registryUrlOf(inputs, config) === undefined) return offlineReport(prepared);
  const settings = await registrySettingsOf(inputs, config, prepared.repo.root, options.cwd);
  const registryUrl = settings.baseUrls.join(', ');
  const client = (options.registry.createClient ?? ((s: RegistrySettings) => createRegistryClient(s)))(settings);
  try {
    const subjects = await registrySubjects(prepared, client, settings.maxConcurrency);
    return { ...reportOf(prepared, subjects, prepared.warnings), source: 'registry', registryUrl };
  } catch (error) {
    const onUnavailable = options.registry.onUnavailable ?? prepared.settings.onRegistryUnavailable;
    if (!(error instanceof RegistryCheckError) || error.kind !== 'unavailable' || onUnavailable !== 'offline') throw error;
    const offline = await offlineReport(prepared);
    return { ...offline, source: 'git', registryUrl, degraded: { reason: error.detail } };
  } finally {
    client.close();
  }
}

async function registrySubjects(prepared: PreparedCheck, client: RegistryClientHandle, concurrency: number) {
  const facts = registryFacts(client);
  const committed = new CommittedSources(prepared.repo);
  const previousSource = async (target: CheckTarget) => (await committed.readerAt(prepared.against.mergeBase)([target.historyPath])).get(target.historyPath);
  return checkTargetsAgainstRegistry(prepared.plan.targets, {
    workspace: prepared.workspace,
    resolver: prepared.resolver,
    facts,
    references: referenceResolver(prepared.workspace, prepared.resolver, facts),
    previousSource,
    concurrency,
  });
}
