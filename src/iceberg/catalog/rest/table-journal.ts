/**
 * The cleanup journal for tables of a REST catalog, which has no database of ours: one small JSON file per entry
 * beside the table's metadata, in `<location>/metadata/.guardrails-journal/` (a hidden directory, so orphan
 * removal never takes it for an orphan), written and read through the same FileIO as the table. FileIO files are
 * never overwritten, so an update writes the entry's next version and then removes the previous one; a reader
 * takes the newest version of each entry.
 */
import { IcebergError } from '../../errors.js';
import type { FileIO } from '../../io/file-io.js';
import type { CleanupJournal, JournalEntry, JournalState } from '../../journal/journal.js';
import type { PlannedDeletion } from '../../plan/file-plan.js';
import type { TableIdent } from '../sql-catalog.js';

const DIRECTORY = '.guardrails-journal';
const NAME = /^([0-9a-f-]{36})\.(\d{6})\.json$/;

interface Stored {
  readonly entry: JournalEntry;
  readonly recordedAt: number;
  readonly dir: string;
  readonly version: number;
  /** Older versions a run left behind (it died between writing a version and removing the one before). */
  readonly stale: readonly string[];
}

export class BesideMetadataJournal implements CleanupJournal {
  private readonly entries = new Map<string, Stored>();

  /** `tableLocation` names a loaded table's location (the job loads a table before it journals anything). */
  constructor(private readonly io: FileIO & Required<Pick<FileIO, 'list'>>, private readonly tableLocation: (ident: TableIdent) => string | undefined, private readonly clock: () => number = Date.now) {}

  private dirOf(table: TableIdent): string {
    const location = this.tableLocation(table);
    if (location === undefined) throw new IcebergError('INTERNAL', 'journal used before the table was loaded', { subject: `${table.namespace}.${table.name}` });
    return `${location.replace(/\/+$/, '')}/metadata/${DIRECTORY}`;
  }

  private path(stored: Pick<Stored, 'dir' | 'version' | 'entry'>): string {
    return `${stored.dir}/${stored.entry.id}.${String(stored.version).padStart(6, '0')}.json`;
  }

  private async write(stored: Stored): Promise<void> {
    const text = JSON.stringify({ ...stored.entry, recordedAt: stored.recordedAt });
    await this.io.writeNew(this.path(stored), Buffer.from(text, 'utf8'));
  }

  async pending(table: TableIdent): Promise<JournalEntry[]> {
    const dir = this.dirOf(table);
    const versions = new Map<string, { version: number; paths: string[] }>();
    for await (const file of this.io.list(dir)) {
      const match = NAME.exec(file.path.slice(file.path.lastIndexOf('/') + 1));
      if (match === null) continue;
      const [, id, version] = match as unknown as [string, string, string];
      const seen = versions.get(id) ?? { version: -1, paths: [] };
      seen.paths.push(file.path);
      seen.version = Math.max(seen.version, Number(version));
      versions.set(id, seen);
    }
    const found: Stored[] = [];
    for (const [id, { version, paths }] of versions) {
      const newest = paths.find((p) => p.endsWith(`${id}.${String(version).padStart(6, '0')}.json`)) as string;
      const raw = JSON.parse((await this.io.read(newest)).toString('utf8')) as JournalEntry & { recordedAt: number };
      const { recordedAt, ...entry } = raw;
      // Reading stays read-only (a dry run reads too): older versions go with the entry's next write.
      const stored = { entry, recordedAt, dir, version, stale: paths.filter((p) => p !== newest) };
      this.entries.set(id, stored);
      found.push(stored);
    }
    return found.sort((a, b) => a.recordedAt - b.recordedAt).map((s) => s.entry);
  }

  async record(entry: JournalEntry): Promise<void> {
    const stored = { entry, recordedAt: this.clock(), dir: this.dirOf(entry.table), version: 0, stale: [] };
    await this.write(stored);
    this.entries.set(entry.id, stored);
  }

  private async update(id: string, change: Partial<Pick<JournalEntry, 'state' | 'candidates' | 'committedLocation'>>): Promise<void> {
    const stored = this.entries.get(id);
    if (stored === undefined) throw new IcebergError('INTERNAL', `journal entry ${id} is not known to this run`);
    const next = { ...stored, entry: { ...stored.entry, ...change }, version: stored.version + 1, stale: [] };
    await this.write(next);
    await this.io.deleteFiles([this.path(stored), ...stored.stale]);
    this.entries.set(id, next);
  }

  setState(id: string, state: JournalState): Promise<void> {
    return this.update(id, { state });
  }

  setCommittedLocation(id: string, location: string): Promise<void> {
    return this.update(id, { committedLocation: location });
  }

  async setCandidates(id: string, candidates: readonly PlannedDeletion[]): Promise<void> {
    if (candidates.length === 0) return this.finish(id);
    return this.update(id, { candidates });
  }

  async finish(id: string): Promise<void> {
    const stored = this.entries.get(id);
    if (stored === undefined) return;
    await this.io.deleteFiles([this.path(stored), ...stored.stale]);
    this.entries.delete(id);
  }
}
