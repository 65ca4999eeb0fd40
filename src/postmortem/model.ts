/** The facts read from one incident report (a markdown file following the runbook's template). */

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One `## Follow-Up Actions` checklist entry that could be read completely. */
export interface ActionItem {
  /** The action text, without checkbox, owner and due date. */
  readonly text: string;
  /** The owner as written ("SRE team", "@alice"); mapped to GitHub logins through config. */
  readonly owner: string;
  /** Due date, `YYYY-MM-DD`. */
  readonly due: string;
  /** True when the checkbox is ticked (`[x]`). */
  readonly done: boolean;
  /** 1-based line in the report. */
  readonly line: number;
  /** 0-based position among the report's follow-up items; used to re-find an item whose text was edited. */
  readonly ordinal: number;
  /** Other `Key: value` attributes written on the item (Type, Priority, ...), keys lower-cased. */
  readonly extra: Readonly<Record<string, string>>;
  /** How the item is written: a `- [ ]` checkbox (can be ticked back) or a table row (cannot). */
  readonly form: 'checkbox' | 'table';
}

export interface IncidentReport {
  /** Repository-relative path with `/` separators. */
  readonly file: string;
  readonly incidentId: string;
  readonly title: string;
  /** Incident date `YYYY-MM-DD`, when written. */
  readonly date?: string;
  readonly duration?: string;
  readonly severity?: Severity;
  readonly impactedSystems: readonly string[];
  /** Which narrative sections are present with content. */
  readonly sections: Readonly<Record<NarrativeSection, boolean>>;
  /** All narrative sections written and a follow-up section present: the post-mortem counts as completed. */
  readonly completed: boolean;
  readonly actions: readonly ActionItem[];
}

export type NarrativeSection = 'timeline' | 'rootCause' | 'resolution' | 'impact';

export type ProblemCode =
  | 'ITEM_NO_OWNER'
  | 'ITEM_NO_DUE'
  | 'ITEM_BAD_DATE'
  | 'ITEM_NO_TEXT'
  | 'ITEM_NOT_CHECKLIST'
  | 'ITEM_DUPLICATE'
  | 'BAD_SEVERITY'
  | 'BAD_DATE'
  | 'NO_FOLLOWUPS_SECTION';

/** Something in a report that could not be read; always carries the file and line. */
export interface ParseProblem {
  readonly code: ProblemCode;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly hint?: string;
}

export interface ParsedReport {
  readonly report: IncidentReport;
  readonly problems: readonly ParseProblem[];
}

/** `file:line: message. hint` on one line. */
export function formatProblem(p: ParseProblem): string {
  return `${p.file}:${p.line}: ${p.message}${p.hint ? `. ${p.hint}` : ''}`;
}
