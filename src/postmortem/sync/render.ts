/** Issue titles, bodies and comments, rendered deterministically so an unchanged item renders an unchanged body. */
import type { ActionItem, IncidentReport } from '../model.js';
import { renderActionMarker, renderMissingMarker, renderReminderMarker } from './key.js';
import type { OwnerResolution } from './owners.js';

export interface RenderContext {
  /** `owner/name` */
  readonly repo: string;
  readonly branch: string;
  readonly serverUrl: string;
}

const MAX_TITLE = 200;
// GitHub refuses bodies over 65,536 characters ("body is too long").
const MAX_BODY = 60_000;

export function actionTitle(report: IncidentReport, item: ActionItem): string {
  const title = `[${report.incidentId}] ${item.text.replace(/\s+/g, ' ')}`;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

export function reportLink(ctx: RenderContext, file: string, line?: number): string {
  const url = `${ctx.serverUrl}/${ctx.repo}/blob/${encodeURI(ctx.branch)}/${encodeURI(file)}${line ? `#L${line}` : ''}`;
  return `[${file}${line ? ` line ${line}` : ''}](${url})`;
}

export function actionBody(
  ctx: RenderContext, report: IncidentReport, item: ActionItem, key: string, owner: OwnerResolution,
): string {
  const marker = renderActionMarker({ key, incident: report.incidentId, src: report.file, item: item.ordinal, due: item.due });
  const who = [item.owner, owner.team ? `@${owner.team}` : '', ...owner.assignees.map((a) => `@${a}`)].filter(Boolean);
  const rows = [
    ['Owner', who.join(' · ')],
    ['Due', item.due],
    ['Incident', `${report.incidentId}${report.severity ? ` (${report.severity})` : ''}${report.date ? `, ${report.date}` : ''}`],
    ['Report', reportLink(ctx, report.file, item.line)],
    ...Object.entries(item.extra).map(([k, v]) => [k, v]),
  ];
  const lines = [
    marker,
    `Follow-up action from the post-mortem **${report.title || report.incidentId}**.`,
    '',
    `> ${item.text}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${String(v).replace(/\|/g, '\\|')} |`),
    '',
    owner.needsOwner ? `**Needs an owner:** ${owner.reason}.\n` : '',
    '_Close this issue when the action is done; the sync ticks its box in the report. Edit the action in the report: the next sync rewrites this description._',
  ];
  const body = lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n\n…(truncated)` : body;
}

export function needsOwnerComment(owner: OwnerResolution): string {
  return `This follow-up has no assignee: ${owner.reason}. Labelled \`needs-owner\` until someone takes it.`;
}

export function reminderComment(item: ActionItem, today: string, daysOverdue: number, owner: OwnerResolution): string {
  const who = owner.assignees.map((a) => `@${a}`).join(' ') || (owner.team ? `@${owner.team}` : item.owner);
  return `${renderReminderMarker(today)}\nReminder: this follow-up was due on ${item.due} (${daysOverdue} day${daysOverdue === 1 ? '' : 's'} ago). ${who}, please close it when done, or change its due date in the report.`;
}

export function missingTitle(incidentId: string): string {
  return `[${incidentId}] Post-mortem missing`;
}

export function missingBody(incident: { id: string; severity: string; date: string; title?: string }, hours: number, folder: string): string {
  return [
    renderMissingMarker(incident.id),
    `Incident **${incident.id}**${incident.title ? ` (${incident.title})` : ''} is ${incident.severity} and happened on ${incident.date}.`,
    `The runbook requires a completed post-mortem within ${hours} hours; none was found under \`${folder}/\`.`,
    '',
    'A post-mortem counts as completed when its Timeline, Root Cause, Resolution and Impact sections have content and it has a Follow-Up Actions section. This issue closes itself once it does.',
  ].join('\n');
}
