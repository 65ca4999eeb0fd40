/**
 * The cleanup journal: what an expiration means to delete, recorded before its commit, so that a run dying
 * anywhere between writing the new metadata file and its last delete leaves a record the next run finishes
 * from, whatever other writers have committed since (Iceberg Java journals nothing: a crash there orphans
 * every planned file).
 */
import type { TableIdent } from '../catalog/sql-catalog.js';
import type { PlannedDeletion } from '../plan/file-plan.js';

/**
 * writing: the new metadata file may exist, the commit was never sent. committing: the commit was sent (or
 * is about to be); whether it landed is read from the table. Entries are removed once nothing is left to do.
 */
export type JournalState = 'writing' | 'committing';

export interface JournalEntry {
  readonly id: string;
  readonly table: TableIdent;
  readonly baseLocation: string;
  /** The metadata file the job wrote; absent when the catalog writes its own (REST), so there is none of ours. */
  readonly newLocation?: string;
  /**
   * Snapshots the commit removes, recorded when the catalog writes the metadata file: the commit landed iff the
   * table moved past the base and none of them is current (or `committedLocation` is in the chain).
   */
  readonly expiredSnapshotIds?: readonly string[];
  /** The file the catalog said it committed, once known. */
  readonly committedLocation?: string;
  readonly state: JournalState;
  /** Files the expiration means to delete; each is re-checked against the current metadata before it goes. */
  readonly candidates: readonly PlannedDeletion[];
}

export interface CleanupJournal {
  /** Unfinished entries of a table, oldest first. Read-only: a journal that was never created has none. */
  pending(table: TableIdent): Promise<JournalEntry[]>;
  /** Records an entry (creating the journal when absent). */
  record(entry: JournalEntry): Promise<void>;
  setState(id: string, state: JournalState): Promise<void>;
  /** Records the metadata file the catalog committed (journals of catalogs that write their own). */
  setCommittedLocation?(id: string, location: string): Promise<void>;
  /** Replaces the files still to delete; an empty list finishes the entry. */
  setCandidates(id: string, candidates: readonly PlannedDeletion[]): Promise<void>;
  finish(id: string): Promise<void>;
}
