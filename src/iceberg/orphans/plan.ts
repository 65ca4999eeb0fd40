/**
 * The orphan plan as a pure function of two sets: what the listing found and what the metadata references.
 * Order of the filters, as in Iceberg Java: hidden paths are never considered (Hadoop's `_`/`.` rule, partition
 * directories excepted), files not older than the cutoff are kept (a write in progress is not in the metadata
 * yet), then each remaining file is referenced, an orphan, or a prefix mismatch resolved by the mode.
 */
import type { ListedFile } from '../io/file-io.js';
import { type PrefixMismatchMode, type ReferencedIndex, splitLocation } from './locations.js';

export interface PlanInput {
  /** The listed root (the table location), in the spelling the listing used. */
  readonly root: string;
  readonly listed: readonly ListedFile[];
  readonly referenced: ReferencedIndex;
  /** Only files modified strictly before this instant (epoch ms) can be orphans. */
  readonly cutoffMs: number;
  readonly prefixMismatch: PrefixMismatchMode;
  /** Partition field names of every spec: `_x=1` is a partition directory, not a hidden one, when `_x` is one. */
  readonly partitionFields: ReadonlySet<string>;
  /** The table's own metadata directories; a metadata file elsewhere under the root belongs to another table. */
  readonly metadataDirs: readonly string[];
}

export interface PrefixMismatch {
  readonly path: string;
  readonly referencedAs: string;
}

export interface OrphanPlan {
  readonly listed: number;
  readonly referenced: number;
  readonly hidden: number;
  readonly tooYoung: number;
  /** Old files referenced only under another scheme or authority (kept unless the mode is delete). */
  readonly mismatches: readonly PrefixMismatch[];
  /** Files to delete, sorted by path. */
  readonly orphans: readonly ListedFile[];
  /** Metadata files of some other table under this root: the table must not be cleaned. */
  readonly foreignMetadata: readonly string[];
}

function isHidden(component: string, partitionFields: ReadonlySet<string>): boolean {
  if (!component.startsWith('_') && !component.startsWith('.')) return false;
  const eq = component.indexOf('=');
  return !(eq > 0 && partitionFields.has(component.slice(0, eq)));
}

const METADATA_FILE = /(\.metadata\.json(\.gz)?|^version-hint\.text)$/;

export function planOrphans(input: PlanInput): OrphanPlan {
  const root = input.root.replace(/\/+$/, '');
  const ownDirs = new Set(input.metadataDirs.map((d) => splitLocation(d).path));
  let referenced = 0;
  let hidden = 0;
  let tooYoung = 0;
  const mismatches: PrefixMismatch[] = [];
  const orphans: ListedFile[] = [];
  const foreignMetadata: string[] = [];
  for (const file of input.listed) {
    const relative = file.path.startsWith(`${root}/`) ? file.path.slice(root.length + 1) : file.path;
    const components = relative.split('/');
    if (components.some((c) => isHidden(c, input.partitionFields))) {
      hidden += 1;
      continue;
    }
    const name = components[components.length - 1] as string;
    if (METADATA_FILE.test(name)) {
      const dir = splitLocation(file.path.slice(0, file.path.length - name.length - 1)).path;
      if (!ownDirs.has(dir)) foreignMetadata.push(file.path);
    }
    const { kind, referencedAs } = input.referenced.classify(file.path);
    if (kind === 'referenced') {
      referenced += 1;
      continue;
    }
    if (!(file.lastModifiedMs < input.cutoffMs)) {
      tooYoung += 1;
      continue;
    }
    if (kind === 'mismatch') {
      mismatches.push({ path: file.path, referencedAs: referencedAs ?? '' });
      if (input.prefixMismatch !== 'delete') continue;
    }
    orphans.push(file);
  }
  orphans.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { listed: input.listed.length, referenced, hidden, tooYoung, mismatches, orphans, foreignMetadata };
}
