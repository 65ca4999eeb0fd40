/**
 * The preflight of `guardrails followups`: everything read from the file system and the
 * environment before the first request. The config, the reports folder (from --reports or the
 * config, checked the same way), every report (strict UTF-8), the incident log, the repository and
 * the token. Each refusal names its input: a flag, a variable, or a config key at file:line:col.
 */
import { relative, resolve } from 'node:path';
import { loadFollowupsConfig, type FollowupsConfig, type LoadedFollowupsConfig } from '../../postmortem/config.js';
import type { IncidentReport, ParseProblem } from '../../postmortem/model.js';
import { loadIncidentLog, loadReports } from '../../postmortem/parse/load.js';
import type { Incident } from '../../postmortem/sync/missing.js';
import { UsageError } from '../errors.js';
import type { RunContext } from './command.js';
import { InvalidValue, type Parser } from '../options/invalid-value.js';
import { checkPath, type PathKind } from '../options/path.js';
import { textValue } from '../options/text.js';

export const TOKEN_VARIABLES = 'GITHUB_TOKEN (or GH_TOKEN)';
export const REPO_VALUE: Parser<string> = textValue(/^[\w.-]+\/[\w.-]+$/, 'OWNER/NAME, e.g. acme/platform');
const DEFAULT_CONFIG = 'guardrails.yaml';

type Env = Readonly<Record<string, string | undefined>>;

export function tokenFrom(env: Env): string | undefined {
  return env['GITHUB_TOKEN'] || env['GH_TOKEN'] || undefined;
}

/** The options preflight reads, already parsed and resolved to absolute paths by the command layer. */
export interface FollowupsValues {
  readonly config: string | undefined;
  readonly reports: string | undefined;
  readonly repo: string | undefined;
  readonly 'dry-run': boolean;
}

export interface FollowupsInputs {
  readonly config: FollowupsConfig;
  readonly reports: readonly IncidentReport[];
  readonly problems: readonly ParseProblem[];
  readonly incidents?: readonly Incident[];
  /** The reports folder as given, relative to the working directory when inside it. */
  readonly reportsFolder: string;
  /** `owner/name`; absent only for an offline dry run. */
  readonly repo?: string;
  readonly token?: string;
}

export async function prepareFollowups(values: FollowupsValues, { io }: RunContext): Promise<FollowupsInputs> {
  const configPath = values.config ?? resolve(io.cwd, DEFAULT_CONFIG);
  const loaded = await loadFollowupsConfig(configPath, shown(io.cwd, configPath), values.config !== undefined);
  const { config } = loaded;
  const reportsDir = values.reports ?? (await configuredPath(loaded, ['reports'], config.reports, 'dir', io.cwd));
  const reportsFolder = shown(io.cwd, reportsDir);
  const where = values.reports !== undefined ? `--reports "${reportsFolder}"` : `${loaded.describeKey(['reports'])} "${config.reports}"`;
  const { reports, problems } = await loadReports(io.cwd, reportsDir, where);
  const log = config.missingPostmortems.incidentLog;
  const incidents = log === undefined
    ? undefined
    : await loadIncidentLog(await configuredPath(loaded, ['missingPostmortems', 'incidentLog'], log, 'file', io.cwd), log);
  const token = tokenFrom(io.env);
  const repo = values.repo ?? config.repo ?? fromEnv(io.env, 'GITHUB_REPOSITORY', REPO_VALUE, io.cwd);
  if (repo === undefined && !(values['dry-run'] && token === undefined)) {
    throw new UsageError(`no repository for the issues: pass --repo OWNER/NAME, set followups.repo in ${shown(io.cwd, configPath)}, or set GITHUB_REPOSITORY`, 'followups');
  }
  return {
    config, reports, problems, reportsFolder,
    ...(incidents ? { incidents } : {}), ...(repo ? { repo } : {}), ...(token ? { token } : {}),
  };
}

/** A path written in the config, resolved against the working directory and checked like the flag would be. */
async function configuredPath(loaded: LoadedFollowupsConfig, key: readonly string[], text: string, kind: PathKind, cwd: string): Promise<string> {
  try {
    return await checkPath(resolve(cwd, text), kind);
  } catch (e) {
    if (!(e instanceof InvalidValue)) throw e;
    const fix = key[0] === 'reports' ? 'fix it, or pass --reports DIR' : 'fix it, or remove the key';
    throw new UsageError(`${loaded.describeKey(key)} "${text}" ${e.reason}${e.hint ? `; ${e.hint}` : ''}; ${fix}`, 'followups');
  }
}

/** A variable checked with the flag's parser, refused with the same kind of message. */
function fromEnv(env: Env, name: string, parse: Parser<string>, cwd: string): string | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  try {
    return parse(text, { cwd }) as string;
  } catch (e) {
    if (!(e instanceof InvalidValue)) throw e;
    throw new UsageError(`$${name} ${JSON.stringify(text)} ${e.reason}${e.hint ? `; ${e.hint}` : ''}`, 'followups');
  }
}

function shown(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' ? '.' : rel.startsWith('..') ? absolute : rel;
}
