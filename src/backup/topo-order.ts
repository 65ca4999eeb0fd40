/**
 * Kahn's algorithm over (subject, version) reference edges (pure): a version comes after every
 * version it references; among versions that are ready, the lowest id first, then subject, then
 * version. Ascending id alone is not enough: an IMPORT may have given a referrer a lower id.
 */
import { resolveReferenceSubject } from '../registry/index.js';
import { BackupError } from './errors.js';
import type { VersionRecord } from './model.js';

export function keyOf(subject: string, version: number): string {
  return `${subject}\u0000${version}`;
}

/** The (subject, version) keys `v` references, resolved in its context. */
export function referencedKeys(v: VersionRecord): string[] {
  return v.references.map((r) => keyOf(resolveReferenceSubject(v.subject, r.subject), r.version));
}

export function topologicalOrder(versions: readonly VersionRecord[]): VersionRecord[] {
  const byKey = new Map(versions.map((v) => [keyOf(v.subject, v.version), v] as const));
  const waitingOn = new Map<VersionRecord, number>();
  const referrers = new Map<string, VersionRecord[]>();
  for (const v of versions) {
    const deps = referencedKeys(v).filter((k) => byKey.has(k));
    waitingOn.set(v, deps.length);
    for (const k of deps) referrers.set(k, [...(referrers.get(k) ?? []), v]);
  }
  const ready = new MinHeap<VersionRecord>(compareVersions);
  for (const v of versions) if (waitingOn.get(v) === 0) ready.push(v);
  const order: VersionRecord[] = [];
  for (let v = ready.pop(); v !== undefined; v = ready.pop()) {
    order.push(v);
    for (const r of referrers.get(keyOf(v.subject, v.version)) ?? []) {
      const left = (waitingOn.get(r) ?? 0) - 1;
      waitingOn.set(r, left);
      if (left === 0) ready.push(r);
    }
  }
  if (order.length < versions.length) {
    const stuck = versions.filter((v) => (waitingOn.get(v) ?? 0) > 0).map((v) => `${v.subject} v${v.version}`);
    throw new BackupError('integrity', `the backup's references form a cycle (${stuck.slice(0, 5).join(', ')})`, 'A registry cannot hold such references; the backup is not usable as is');
  }
  return order;
}

function compareVersions(a: VersionRecord, b: VersionRecord): number {
  if (a.id !== b.id) return a.id - b.id;
  if (a.subject !== b.subject) return a.subject < b.subject ? -1 : 1;
  return a.version - b.version;
}

class MinHeap<T> {
  readonly #items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.#items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i] as T, items[parent] as T) >= 0) break;
      [items[i], items[parent]] = [items[parent] as T, items[i] as T];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.compare(items[l] as T, items[m] as T) < 0) m = l;
        if (r < items.length && this.compare(items[r] as T, items[m] as T) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as T, items[i] as T];
        i = m;
      }
    }
    return top;
  }
}
