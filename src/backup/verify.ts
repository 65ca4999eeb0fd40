/**
 * After a restore: the target compared with the backup (pure). One line per difference in id,
 * version, type, schema, references, metadata, ruleSet, soft delete, config or mode.
 */
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './checksums.js';
import { contentOf, type RegistrySnapshot, type ScopeSettings, type VersionRecord } from './model.js';

export interface DiffOptions {
  /** Compare ids and version numbers (true when they were preserved). */
  readonly exactIds: boolean;
  /** Also compare global and context settings. */
  readonly full: boolean;
}

export function diffSnapshots(expected: RegistrySnapshot, actual: RegistrySnapshot, options: DiffOptions): string[] {
  const out: string[] = [];
  for (const want of expected.subjects.values()) {
    const have = actual.subjects.get(want.subject);
    if (!have) {
      out.push(`${want.subject}: missing in the target`);
      continue;
    }
    out.push(...(options.exactIds ? diffVersions(want.versions, have.versions) : diffContents(want.versions, have.versions)));
    out.push(...diffSettings(want.subject, want.settings, have.settings));
  }
  if (options.full) {
    for (const [name, want] of expected.contexts) out.push(...diffSettings(`context ${name}`, want, actual.contexts.get(name) ?? {}));
    out.push(...diffSettings('global', expected.global, actual.global));
  }
  return out;
}

/**
 * Contexts whose next id on the target is at or below ids the source had handed out: ids of
 * schemas hard-deleted before the backup are not in it, and the target could reuse them for new
 * schemas, which consumers holding old data would then decode wrongly.
 */
export function idReuseWarnings(expected: RegistrySnapshot, actual: RegistrySnapshot): string[] {
  return Object.entries(expected.maxIds)
    .filter(([ctx, max]) => (actual.maxIds[ctx] ?? 0) < max)
    .map(
      ([ctx, max]) =>
        `context ${ctx}: the target's highest id is ${actual.maxIds[ctx] ?? 'none'}, the source's was ${max}; ids up to ${max} (of hard-deleted schemas) could be reused. Register and hard-delete a placeholder with id ${max} in IMPORT mode to move the counter past them`,
    );
}

const FIELDS = ['id', 'schemaType', 'schema', 'references', 'metadata', 'ruleSet', 'deleted'] as const;

function diffVersions(want: readonly VersionRecord[], have: readonly VersionRecord[]): string[] {
  const out: string[] = [];
  const byVersion = new Map(have.map((v) => [v.version, v] as const));
  for (const w of want) {
    const h = byVersion.get(w.version);
    const where = `${w.subject} v${w.version}`;
    if (!h) {
      out.push(`${where}: missing in the target`);
      continue;
    }
    for (const field of FIELDS) {
      const a = show(field, w[field]);
      const b = show(field, h[field]);
      if (a !== b) out.push(`${where}: ${field} is ${b} in the target, ${a} in the backup`);
    }
  }
  return out;
}

/** Without preserved ids: each backed-up content is in the subject, soft-deleted or not as in the backup. */
function diffContents(want: readonly VersionRecord[], have: readonly VersionRecord[]): string[] {
  return want.flatMap((w) => {
    const h = have.find((v) => contentOf(v) === contentOf(w));
    if (!h) return [`${w.subject}: the content of backup v${w.version} is missing in the target`];
    return h.deleted === w.deleted ? [] : [`${w.subject}: backup v${w.version} is ${w.deleted ? '' : 'not '}soft-deleted in the backup but v${h.version} is ${h.deleted ? '' : 'not '}in the target`];
  });
}

function show(field: (typeof FIELDS)[number], value: unknown): string {
  if (value === undefined) return 'absent';
  if (field === 'schema') return `sha256 ${sha256Hex(String(value)).slice(0, 12)}`;
  return canonicalJson(value).trim().replace(/\s+/g, ' ');
}

function diffSettings(where: string, want: ScopeSettings, have: ScopeSettings): string[] {
  const out: string[] = [];
  const a = canonicalJson(want.config ?? null);
  const b = canonicalJson(have.config ?? null);
  if (a !== b) out.push(`${where}: config is ${b.trim().replace(/\s+/g, ' ')} in the target, ${a.trim().replace(/\s+/g, ' ')} in the backup`);
  if (want.mode !== have.mode) out.push(`${where}: mode is ${have.mode ?? 'inherited'} in the target, ${want.mode ?? 'inherited'} in the backup`);
  return out;
}
