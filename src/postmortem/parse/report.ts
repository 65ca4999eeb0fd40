/** Parses one incident report (runbook template) into facts plus the problems found, each with file and line. */
import { parseDate } from './dates.js';
import { fromParts, parseActionText, type ItemResult } from './action-item.js';
import { classifyKey, readField, readSeverity, stripMarkdown } from './summary.js';
import { normaliseText } from '../sync/key.js';
import type { ActionItem, IncidentReport, NarrativeSection, ParseProblem, ParsedReport, Severity } from '../model.js';

type Section = 'summary' | NarrativeSection | 'followups' | 'other';

const SECTION_NAMES: ReadonlyArray<[RegExp, Section]> = [
  [/^(incident )?summary$/, 'summary'],
  [/^timeline/, 'timeline'],
  [/^root causes?( analysis)?$/, 'rootCause'],
  [/^(resolution|resolution and recovery|remediation)$/, 'resolution'],
  [/^(impact|customer impact|business impact)$/, 'impact'],
  [/^(follow[- ]?up actions?|follow[- ]?ups|action items)$/, 'followups'],
];

interface Scan {
  title: string;
  fields: Map<string, { value: string; line: number }>;
  content: Record<NarrativeSection, boolean>;
  followupsLine?: number;
  itemLines: Array<{ line: number; result: ItemResult; done: boolean; form: 'checkbox' | 'table' }>;
  problems: ParseProblem[];
}

/** `file` is the repository-relative path used in messages and links. */
export function parseReport(text: string, file: string): ParsedReport {
  const scan = scanLines(text.split(/\r?\n/), file);
  const problems = [...scan.problems];
  const summary = readSummary(scan, file, problems);
  const actions = collectActions(scan, file, problems);
  if (scan.followupsLine === undefined) {
    problems.push({
      code: 'NO_FOLLOWUPS_SECTION', file, line: 1,
      message: 'report has no "## Follow-Up Actions" section', hint: 'Add the section, even if it only says "None"',
    });
  }
  const completed = Object.values(scan.content).every(Boolean) && scan.followupsLine !== undefined;
  const report: IncidentReport = {
    file, title: scan.title, ...summary, sections: scan.content, completed, actions,
    incidentId: summary.incidentId ?? defaultId(file),
  };
  return { report, problems: problems.sort((a, b) => a.line - b.line) };
}

function scanLines(lines: string[], file: string): Scan {
  const scan: Scan = {
    title: '', fields: new Map(), itemLines: [], problems: [],
    content: { timeline: false, rootCause: false, resolution: false, impact: false },
  };
  let section: Section = 'summary';
  let table: TableShape | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const name = stripMarkdown(heading[2]!);
      if (heading[1] === '#' && !scan.title) scan.title = name.replace(/^(incident|post[- ]?mortem)( report)?\s*[:—–-]\s*/i, '');
      // The document title (level 1) does not end the summary that may follow it without its own heading.
      section = sectionOf(name) ?? (heading[1] === '##' ? 'other' : section);
      if (section === 'followups') scan.followupsLine ??= line;
      table = undefined;
      return;
    }
    if (!raw.trim() || /^\s*<!--.*-->\s*$/.test(raw)) return;
    if (section === 'summary') readSummaryLine(scan, raw, line);
    else if (section === 'followups') table = readFollowupLine(scan, raw, line, file, table);
    else if (section !== 'other') scan.content[section] = true;
  });
  return scan;
}

function sectionOf(name: string): Section | undefined {
  const n = name.toLowerCase().replace(/[^a-z -]/g, '').replace(/\s+/g, ' ').trim();
  return SECTION_NAMES.find(([re]) => re.test(n))?.[1];
}

function readSummaryLine(scan: Scan, raw: string, line: number): void {
  const field = readField(raw);
  const key = field && classifyKey(field.key);
  if (field && key && !scan.fields.has(key)) scan.fields.set(key, { value: field.value, line });
}

const CHECKBOX = /^\s*[-*+]\s+\[([ xX])\]\s*(.*)$/;

function readFollowupLine(scan: Scan, raw: string, line: number, file: string, table?: TableShape): TableShape | undefined {
  const box = CHECKBOX.exec(raw);
  if (box) {
    scan.itemLines.push({ line, result: parseActionText(box[2]!), done: box[1] !== ' ', form: 'checkbox' });
    return table;
  }
  if (/^\s*\|/.test(raw)) return readTableLine(scan, raw, line, table);
  if (/^\s*([-*+]|\d+[.)])\s+\S/.test(raw) && !/^\s*[-*+]\s+(none|n\/a)\.?\s*$/i.test(raw)) {
    scan.problems.push({
      code: 'ITEM_NOT_CHECKLIST', file, line,
      message: `follow-up "${raw.trim()}" is not a checklist item`, hint: 'Start it with "- [ ] "',
    });
  }
  return table;
}

interface TableShape {
  readonly text: number;
  readonly owner: number;
  readonly due: number;
  readonly status: number;
  readonly headers: string[];
  seenSeparator: boolean;
}

function cells(raw: string): string[] {
  return raw.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

function readTableLine(scan: Scan, raw: string, line: number, table?: TableShape): TableShape | undefined {
  const row = cells(raw);
  if (!table) {
    const headers = row.map((h) => stripMarkdown(h).toLowerCase());
    const find = (re: RegExp) => headers.findIndex((h) => re.test(h));
    return {
      text: find(/action|item|task|description/), owner: find(/owner|assign/), due: find(/due|deadline/),
      status: find(/status|done|state/), headers, seenSeparator: false,
    };
  }
  if (row.every((c) => /^:?-{2,}:?$/.test(c))) {
    table.seenSeparator = true;
    return table;
  }
  const cell = (i: number) => (i >= 0 ? stripMarkdown(row[i] ?? '') : undefined);
  const extra: Record<string, string> = {};
  table.headers.forEach((h, i) => {
    if (![table.text, table.owner, table.due, table.status].includes(i) && row[i]) extra[h] = stripMarkdown(row[i]!);
  });
  const status = (cell(table.status) ?? '').toLowerCase();
  const done = /^(\[x\]|done|closed|complete|completed|yes|✅)$/.test(status);
  scan.itemLines.push({ line, result: fromParts(cell(table.text) ?? '', cell(table.owner), cell(table.due), extra), done, form: 'table' });
  return table;
}

function readSummary(scan: Scan, file: string, problems: ParseProblem[]) {
  const get = (k: string) => scan.fields.get(k);
  const out: { incidentId?: string; date?: string; duration?: string; severity?: Severity; impactedSystems: string[] } = {
    impactedSystems: splitTopLevel(get('systems')?.value ?? ''),
  };
  const id = get('id')?.value.replace(/^#/, '').trim();
  if (id) out.incidentId = id;
  if (get('duration')?.value) out.duration = get('duration')!.value;
  const sev = get('severity');
  if (sev) {
    const s = readSeverity(sev.value);
    if (s) out.severity = s;
    else problems.push({ code: 'BAD_SEVERITY', file, line: sev.line, message: `severity "${sev.value}" is not P1–P4`, hint: 'Write P1, P2, P3 or P4' });
  }
  const date = get('date');
  if (date) {
    const d = parseDate(date.value.replace(/\s+\d{1,2}:\d{2}.*$/, ''));
    if (d.ok) out.date = d.date;
    else problems.push({ code: 'BAD_DATE', file, line: date.line, message: `incident date: ${d.reason}` });
  }
  return out;
}

function collectActions(scan: Scan, file: string, problems: ParseProblem[]): ActionItem[] {
  const actions: ActionItem[] = [];
  const seen = new Map<string, number>();
  scan.itemLines.forEach(({ line, result, done, form }, ordinal) => {
    if (!result.ok) {
      for (const p of result.problems) problems.push({ ...p, file, line });
      return;
    }
    // Two items with the same text would share one key and one issue.
    const norm = normaliseText(result.fields.text);
    if (seen.has(norm)) {
      problems.push({ code: 'ITEM_DUPLICATE', file, line, message: `follow-up "${result.fields.text}" repeats line ${seen.get(norm)}`, hint: 'Merge the two items or make their text differ' });
      return;
    }
    seen.set(norm, line);
    actions.push({ ...result.fields, done, line, form, ordinal });
  });
  return actions;
}

function defaultId(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '');
}

/** Splits on `,`/`;` outside parentheses: "Kafka producers (a, b), Iceberg" is two systems. */
function splitTopLevel(v: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of v) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter(Boolean);
}
