/**
 * An audit's per-version semantic diffs for one subject, packed. An audit keeps every subject's
 * entry until the report is written, and these diffs are most of it (about 0.5 KB a version, as
 * objects more); as one deflated JSON text per subject they take a tenth of that, which keeps the
 * heap, and with it V8's growth of the heap, near what the largest subject needs.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Change } from './model.js';

/** Per committed version, oldest first: its changes since the one before; undefined for the first. */
export type VersionChanges = readonly (readonly Change[] | undefined)[];

export class Evolution {
  private constructor(
    private readonly packed: Buffer,
    /** How many committed versions it covers (the subject's `history.length`). */
    readonly versions: number,
  ) {}

  /** Undefined when no version has a predecessor to differ from. */
  static pack(perVersion: VersionChanges): Evolution | undefined {
    if (perVersion.every((changes) => changes === undefined)) return undefined;
    // JSON has no `undefined` in arrays; null stands for "first version".
    const text = JSON.stringify(perVersion.map((changes) => changes ?? null));
    // A copy: zlib's output sits in a 16 KiB chunk, several times the packed size.
    return new Evolution(Buffer.from(deflateRawSync(text, { level: 1 })), perVersion.length);
  }

  /** The changes of every version, index-aligned with the subject's history. */
  unpack(): VersionChanges {
    const parsed = JSON.parse(inflateRawSync(this.packed).toString('utf8')) as (Change[] | null)[];
    return parsed.map((changes) => changes ?? undefined);
  }
}
