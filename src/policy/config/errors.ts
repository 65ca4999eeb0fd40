/**
 * Config problems. Each names the file, the line and column, the key path, the bad value and the
 * expected form, so a user can fix the file without reading our docs.
 */

export interface ConfigIssue {
  readonly file: string;
  /** 1-based; absent when the problem is not at a place in the file (e.g. the file is missing). */
  readonly line?: number;
  readonly column?: number;
  /** Key path in the document, e.g. `subjects[2].compatibility`; '' for the whole document. */
  readonly path: string;
  /** What is wrong and what is expected, e.g. `got "BACKWRD"; expected one of NONE, BACKWARD, ...`. */
  readonly problem: string;
}

/** An unusable config file. `message` is the first issue on one line; `issues` has all of them. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(`${first ? formatConfigIssue(first) : 'invalid config'}${more}`);
  }
}

/** `file:line:column: path: problem` on one line. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const path = issue.path === '' ? '' : `${issue.path}: `;
  return `${where}: ${path}${issue.problem}`;
}

/** Renders a key path (`['subjects', 2, 'topic']`) the way messages show it: `subjects[2].topic`. */
export function formatKeyPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** A value as a message shows it: JSON, cut short when long. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
