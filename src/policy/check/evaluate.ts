/**
 * One subject's verdict from parsed schemas: the level check of the candidate against the committed
 * versions (and, in an audit, of each committed version against its predecessors), the semantic diff,
 * and the report entry. Pure: no git, no files.
 */
import { checkLevel, type CompatibilityLevel, type LevelFinding } from '../../avro/compat/index.js';
import { diffSchemas, type SchemaChange } from '../../avro/diff/index.js';
import { Evolution, type VersionChanges } from '../report/evolution.js';
import type { Change, HistoryVersion, Incompatibility, SubjectError, SubjectReport } from '../report/model.js';
import type { ParsedCandidate } from './load-candidate.js';
import { positionOfNode, type CandidateDocuments } from './positions.js';

export interface ParsedVersion {
  readonly meta: HistoryVersion;
  readonly parsed: ParsedCandidate;
}

/** What every subject entry has, whatever its outcome. */
export interface SubjectBase {
  readonly subject: string | null;
  readonly file: string;
  readonly previousFile?: string;
  readonly level: CompatibilityLevel;
  readonly warnings: readonly string[];
}

export interface SubjectInput extends SubjectBase {
  /** Parsed committed versions, oldest first. */
  readonly history: readonly ParsedVersion[];
  /** The working-tree schema; undefined when the file was deleted. */
  readonly candidate?: ParsedCandidate;
  /** Also check each committed version against its predecessors. */
  readonly audit: boolean;
}

export function evaluateSubject(input: SubjectInput): SubjectReport {
  const evolution = input.audit ? Evolution.pack(changesPerVersion(input.history)) : undefined;
  const base = { ...entryBase(input), history: input.history.map((version) => version.meta), ...(evolution !== undefined && { evolution }) };
  const { candidate } = input;
  const incompatibilities = input.audit ? auditHistory(input.history, input.level) : [];
  if (candidate === undefined) {
    return { ...base, status: 'deleted', compatible: true, incompatibilities, changes: [] };
  }
  const latest = input.history[input.history.length - 1];
  // In an audit an unchanged file is the latest version again, which the audit has just checked.
  const alreadyAudited = input.audit && latest !== undefined && latest.parsed.text === candidate.text;
  if (latest !== undefined && !alreadyAudited) {
    const result = checkLevel(candidate.loaded.schema, input.history.map((v) => v.parsed.loaded.schema), input.level);
    incompatibilities.push(...result.findings.map((finding) => incompatibilityOf(finding, candidate.documents)));
  }
  const changes = latest === undefined ? [] : diffSchemas(latest.parsed.loaded.schema, candidate.loaded.schema).map((c) => changeOf(c, candidate.documents));
  const status = incompatibilities.length > 0 ? 'incompatible' : latest === undefined ? 'new' : 'compatible';
  return { ...base, status, compatible: status !== 'incompatible', incompatibilities, changes };
}

/** A subject that could not be checked. */
export function errorSubject(base: SubjectBase, error: SubjectError, history: readonly HistoryVersion[] = []): SubjectReport {
  return { ...entryBase(base), history, status: 'error', compatible: false, incompatibilities: [], changes: [], error };
}

function entryBase(base: SubjectBase) {
  return {
    subject: base.subject,
    file: base.file,
    ...(base.previousFile !== undefined && { previousFile: base.previousFile }),
    level: base.level,
    warnings: base.warnings,
  };
}

/** Each committed version against the ones before it, positions in that version's own text. */
function auditHistory(history: readonly ParsedVersion[], level: CompatibilityLevel): Incompatibility[] {
  const found: Incompatibility[] = [];
  for (let i = 1; i < history.length; i++) {
    const version = history[i] as ParsedVersion;
    const earlier = history.slice(0, i).map((v) => v.parsed.loaded.schema);
    const result = checkLevel(version.parsed.loaded.schema, earlier, level);
    found.push(...result.findings.map((finding) => incompatibilityOf(finding, version.parsed.documents, i)));
  }
  return found;
}

/** What each committed version changed since the one before it, positions in its own text. */
function changesPerVersion(history: readonly ParsedVersion[]): VersionChanges {
  return history.map((version, i) => {
    const previous = history[i - 1];
    if (previous === undefined) return undefined;
    return diffSchemas(previous.parsed.loaded.schema, version.parsed.loaded.schema).map((change) => changeOf(change, version.parsed.documents));
  });
}

function incompatibilityOf(finding: LevelFinding, documents: CandidateDocuments, candidateVersion?: number): Incompatibility {
  return {
    type: finding.type,
    location: finding.location,
    message: finding.message,
    description: finding.description,
    version: finding.version,
    direction: finding.direction,
    ...(candidateVersion !== undefined && { candidateVersion }),
    // newNode is the candidate's side: the reader when it reads old data, the writer when old readers read it.
    ...positionOfNode(documents, finding.newNode),
  };
}

function changeOf(change: SchemaChange, documents: CandidateDocuments): Change {
  return {
    rule: change.rule,
    severity: change.severity,
    path: change.path,
    message: change.message,
    ...(change.reason !== undefined && { reason: change.reason }),
    ...(change.after !== undefined && { position: positionOfNode(documents, change.after) }),
  };
}
