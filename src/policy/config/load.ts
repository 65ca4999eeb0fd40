/**
 * The one reader of `guardrails.yaml`: YAML with node positions, validated with zod, normalised into
 * `GuardrailsSettings`. Every problem becomes a ConfigError issue with file:line:column.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, formatConfigIssue, type ConfigIssue } from './errors.js';
import { configIssuesFromZod } from './issues.js';
import { yamlLocator } from './locate.js';
import { normaliseConfig } from './normalise.js';
import { configSchema } from './schema.js';
import type { GuardrailsSettings, LoadedConfig } from './settings.js';

/** The config file looked for at the repository root when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'guardrails.yaml';

/** The label of the settings used when the repository has no config file. */
export const EMBEDDED_DEFAULT = '<embedded default>';

/** What applies without a config file: `schemas/**\/*.avsc`, BACKWARD, TopicNameStrategy, no subject entries. */
export const DEFAULT_SETTINGS: GuardrailsSettings = parseConfigText('version: 1\n', EMBEDDED_DEFAULT).settings;

export interface LoadConfigOptions {
  /** An explicit config path (`--config`), relative to `cwd`; it must exist. */
  readonly path?: string;
  /** Where a relative `path` is resolved from. */
  readonly cwd: string;
  /** The repository root, where `guardrails.yaml` is looked for when `path` is not given. */
  readonly root: string;
}

/**
 * Loads the config. Without `path`, a missing `guardrails.yaml` at the root means the embedded
 * default; a missing explicit `path` is an error.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const explicit = options.path !== undefined;
  const file = options.path ?? DEFAULT_CONFIG_FILE;
  const absolute = isAbsolute(file) ? file : join(explicit ? options.cwd : options.root, file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return { settings: DEFAULT_SETTINGS, warnings: [] };
    const problem = code === 'ENOENT' ? 'config file not found; check the --config path' : `cannot read the config file (${code ?? String(error)})`;
    throw new ConfigError([{ file, path: '', problem }]);
  }
  return parseConfigText(text, file);
}

/** Parses and validates config text; `file` labels the messages. Throws ConfigError. */
export function parseConfigText(text: string, file: string): LoadedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors.map((error) => yamlIssue(file, lines, error.pos[0], error.message));
  if (syntax.length > 0) throw new ConfigError(syntax);
  const value = toPlain(doc, file);
  const locate = yamlLocator(doc, lines);
  const parsed = configSchema.safeParse(value ?? {});
  if (!parsed.success) throw new ConfigError(configIssuesFromZod(parsed.error, file, locate, value ?? {}));
  const { settings, issues, warnings } = normaliseConfig(parsed.data, file, locate);
  if (issues.length > 0) throw new ConfigError(issues);
  const yamlWarnings = doc.warnings.map((warning) => yamlIssue(file, lines, warning.pos[0], warning.message));
  return { settings, warnings: [...yamlWarnings, ...warnings].map(formatConfigIssue) };
}

function toPlain(doc: Document, file: string): unknown {
  try {
    // A small alias budget stops "billion laughs" documents.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError([{ file, path: '', problem: `cannot expand YAML aliases: ${(error as Error).message}` }]);
  }
}

function yamlIssue(file: string, lines: LineCounter, offset: number, message: string): ConfigIssue {
  const { line, col } = lines.linePos(offset);
  return { file, line, column: col, path: '', problem: `invalid YAML: ${message.split('\n')[0] ?? message}` };
}
