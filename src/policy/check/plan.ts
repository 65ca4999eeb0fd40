/** Which schema files a check covers, and where each one's committed history lives. Pure. */
import type { FileChange } from '../../github/git/changes.js';
import type { CheckMode } from '../report/model.js';

export type TargetKind = 'added' | 'modified' | 'renamed' | 'deleted' | 'unchanged';

export interface CheckTarget {
  /** The file in the working tree (for a deleted file, where it was). */
  readonly file: string;
  readonly kind: TargetKind;
  /** The path whose base-branch history is the subject's history (the old path of a rename). */
  readonly historyPath: string;
}

export interface CheckPlan {
  readonly mode: Exclude<CheckMode, 'files'>;
  readonly targets: readonly CheckTarget[];
}

export interface PlanInput {
  /** Changes between the merge-base and the working tree, all files. */
  readonly changes: readonly FileChange[];
  /** Files present in the working tree, all files. */
  readonly files: readonly string[];
  readonly isSchemaFile: (path: string) => boolean;
  /** `--all`: every schema file, changed or not. */
  readonly all: boolean;
}

/**
 * Changed schema files by default; every schema file with `--all`; and when no schema file changed,
 * every schema file as an audit of its history.
 */
export function planCheck(input: PlanInput): CheckPlan {
  const changed = schemaChanges(input.changes, input.isSchemaFile);
  if (!input.all && changed.length > 0) return { mode: 'changed', targets: sortTargets(changed) };
  const byFile = new Map(changed.map((target) => [target.file, target]));
  const present = input.files
    .filter(input.isSchemaFile)
    .map((file) => byFile.get(file) ?? { file, kind: 'unchanged' as const, historyPath: file });
  const deleted = changed.filter((target) => target.kind === 'deleted');
  return { mode: input.all ? 'all' : 'audit', targets: sortTargets([...present, ...deleted]) };
}

/** Changes that touch schema files; a rename across the schema globs is an addition or a deletion. */
function schemaChanges(changes: readonly FileChange[], isSchemaFile: (path: string) => boolean): CheckTarget[] {
  const targets: CheckTarget[] = [];
  for (const change of changes) {
    if (change.status === 'renamed') {
      const toSchema = isSchemaFile(change.path);
      const fromSchema = isSchemaFile(change.from);
      if (toSchema && fromSchema) targets.push({ file: change.path, kind: 'renamed', historyPath: change.from });
      else if (toSchema) targets.push({ file: change.path, kind: 'added', historyPath: change.path });
      else if (fromSchema) targets.push({ file: change.from, kind: 'deleted', historyPath: change.from });
    } else if (isSchemaFile(change.path)) {
      targets.push({ file: change.path, kind: change.status, historyPath: change.path });
    }
  }
  return targets;
}

function sortTargets(targets: CheckTarget[]): CheckTarget[] {
  return targets.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
