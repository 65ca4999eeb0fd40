/**
 * The `followups:` section of guardrails.yaml, validated once here. Other sections of the file are ignored.
 * Every message names the file, line and column of the offending key or value. Reference:
 * docs/postmortem-followups.md#configuration.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parse as parseYaml, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { yamlLocator, type Locator } from '../policy/config/locate.js';
import { FollowupsError } from './errors.js';
import { decodeStrict } from './parse/utf8.js';
import { SEVERITIES } from './model.js';

const login = z.string().regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login like "alice"');
const team = z.string().regex(/^@?[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, 'a team like "acme/sre"');

const OwnerEntry = z.union([
  login.transform((u) => ({ users: [u], team: undefined })),
  z.array(login).transform((users) => ({ users, team: undefined })),
  z.object({ users: z.array(login).default([]), team: team.optional() }).strict(),
]);

export const FollowupsConfigSchema = z
  .object({
    /** Folder of incident reports, relative to the working directory (the repository root). */
    reports: z.string().min(1).default('postmortems'),
    /** `owner/name`; defaults to $GITHUB_REPOSITORY. */
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name').optional(),
    /** Branch the report links and write-back point at. */
    defaultBranch: z.string().min(1).default('main'),
    labels: z
      .object({
        base: z.string().min(1).max(50).default('postmortem'),
        needsOwner: z.string().min(1).max(50).default('needs-owner'),
        missing: z.string().min(1).max(50).default('postmortem-missing'),
        severityPrefix: z.string().default('severity:'),
        incidentPrefix: z.string().default('incident:'),
      })
      .strict()
      .prefault({}),
    /** Owner name as written in reports (case-insensitive) → GitHub users and/or a team to mention. */
    owners: z.record(z.string(), OwnerEntry).default({}),
    reminders: z.object({ intervalDays: z.number().int().min(1).max(365).default(7) }).strict().prefault({}),
    writeback: z
      .object({
        /** `pr`: commit ticks on `branch` and open a PR; `commit`: commit straight to `branch`; `off`. */
        mode: z.enum(['pr', 'commit', 'off']).default('pr'),
        branch: z.string().min(1).default('postmortem-followups/sync'),
      })
      .strict()
      .prefault({}),
    missingPostmortems: z
      .object({
        enabled: z.boolean().default(true),
        severities: z.array(z.enum(SEVERITIES)).default(['P1', 'P2']),
        withinHours: z.number().positive().default(48),
        /** YAML or JSON list of incidents `{id, severity, date|resolvedAt, title}`; reports are used when unset. */
        incidentLog: z.string().optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type FollowupsConfig = z.infer<typeof FollowupsConfigSchema>;
export type OwnerMapping = FollowupsConfig['owners'][string];

const CONFIG_DOCS = 'see docs/postmortem-followups.md#configuration';

/** A validated section, with where its keys are written for later messages ("followups.reports does not exist"). */
export interface LoadedFollowupsConfig {
  readonly config: FollowupsConfig;
  /** `guardrails.yaml:3:12: followups.reports` for a key path under `followups`; the file alone when defaults are used. */
  readonly describeKey: (path: readonly string[]) => string;
}

/** Validates a raw `followups:` value (undefined → all defaults); messages carry line and column when `locate` is given. */
export function parseFollowupsConfig(raw: unknown, file = 'guardrails.yaml', locate?: Locator): FollowupsConfig {
  const result = FollowupsConfigSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = [...issue.path.map(String), ...(unknownKey === undefined ? [] : [unknownKey])];
  const where = place(file, locate, path, unknownKey === undefined ? 'value' : 'key');
  const problem = unknownKey === undefined ? issue.message : `unknown key; expected one of ${expectedKeys(issue.path.map(String)).join(', ')}`;
  throw new FollowupsError('config', `${where}: ${['followups', ...path].join('.')}: ${problem}; ${CONFIG_DOCS}`);
}

/**
 * Reads the `followups:` section of the YAML file at `absolute` (`display` names it in messages).
 * A missing file means defaults only when it was not asked for explicitly; the command layer has
 * already refused an explicit `--config` that does not exist.
 */
export async function loadFollowupsConfig(absolute: string, display: string, explicit: boolean): Promise<LoadedFollowupsConfig> {
  const doc = await readYamlFile(absolute, display, !explicit);
  if (doc === undefined) {
    return { config: parseFollowupsConfig(undefined, display), describeKey: (path) => `followups.${path.join('.')} (the default; there is no ${display})` };
  }
  const locate = yamlLocator(doc.document, doc.lines);
  const section = isRecord(doc.value) ? doc.value['followups'] : undefined;
  return {
    config: parseFollowupsConfig(section, display, locate),
    describeKey: (path) => `${place(display, locate, path, 'value')}: followups.${path.join('.')}`,
  };
}

interface YamlFile {
  readonly document: Document;
  readonly lines: LineCounter;
  readonly value: unknown;
}

async function readYamlFile(absolute: string, display: string, missingOk: boolean): Promise<YamlFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingOk) return undefined;
    throw new FollowupsError('config', `${display}: cannot read the config file (${code ?? (e as Error).message}); check --config`);
  }
  const text = decodeStrict(bytes, display);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    throw new FollowupsError('config', `${display}:${line}:${col}: invalid YAML: ${error.message.split('\n')[0]}; fix the syntax at that place`);
  }
  return { document, lines, value: document.toJS({ maxAliasCount: 100 }) };
}

function place(file: string, locate: Locator | undefined, path: readonly string[], target: 'key' | 'value'): string {
  if (!locate) return file;
  const { line, column } = locate(['followups', ...path], target);
  return `${file}:${line}:${column}`;
}

/** The keys allowed in the object at `path` of the section, for "unknown key" messages. */
function expectedKeys(path: readonly string[]): string[] {
  let schema: z.ZodType = FollowupsConfigSchema;
  for (const key of path) {
    const shape = objectShape(schema);
    const next = shape?.[key];
    if (!next) return [];
    schema = next;
  }
  return Object.keys(objectShape(schema) ?? {});
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: unknown = schema;
  // Unwrap defaults and prefaults to reach the object they wrap.
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    current = (current as { def?: { innerType?: unknown } }).def?.innerType;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One top-level section of a YAML file, undefined when the file or the section is absent. Kept for the
 * scheduler's `schedule:` section (src/scheduler/config.ts), which reads the same file.
 */
export async function readSection(cwd: string, file: string, section: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(cwd, file), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FollowupsError('config', `cannot read ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new FollowupsError('config', `${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object') return undefined;
  return (doc as Record<string, unknown>)[section];
}
