/**
 * The machine-readable verdict the verified PR check embeds in its check-run summary, and that
 * `guardrails register` reads back from that check run to learn which breaking changes the merged
 * PR was allowed (docs/registry-gitops.md). A hidden HTML comment holding base64 JSON: invisible
 * in the rendered summary, and no text from a schema file can close the comment early. Pure.
 */

export const VERDICT_RECORD_VERSION = 1;

/** One subject the PR changed in a breaking way that its deprecation window allowed. */
export interface AllowedBreak {
  readonly subject: string;
  readonly file: string;
  /** The deprecated elements whose window matured, as the check labelled them. */
  readonly matured: readonly string[];
}

export interface VerdictRecord {
  readonly version: typeof VERDICT_RECORD_VERSION;
  readonly conclusion: 'success' | 'failure' | 'neutral';
  readonly allowedBreaks: readonly AllowedBreak[];
  /** Logins whose approvals counted. */
  readonly approvers: readonly string[];
  /** The login of an audited emergency override, if one applied. */
  readonly overriddenBy?: string;
}

const PREFIX = '<!-- guardrails-verdict:v1 ';
const SUFFIX = ' -->';

export function encodeVerdictRecord(record: VerdictRecord): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(record), 'utf8').toString('base64')}${SUFFIX}`;
}

/** The record in a check-run summary, or undefined when there is none or it does not read. */
export function decodeVerdictRecord(summary: string): VerdictRecord | undefined {
  const start = summary.indexOf(PREFIX);
  if (start < 0) return undefined;
  const end = summary.indexOf(SUFFIX, start + PREFIX.length);
  if (end < 0) return undefined;
  try {
    const value = JSON.parse(Buffer.from(summary.slice(start + PREFIX.length, end), 'base64').toString('utf8')) as Partial<VerdictRecord>;
    if (value.version !== VERDICT_RECORD_VERSION || !Array.isArray(value.allowedBreaks) || !Array.isArray(value.approvers)) return undefined;
    const breaks = value.allowedBreaks.filter(
      (b): b is AllowedBreak => typeof b?.subject === 'string' && typeof b.file === 'string' && Array.isArray(b.matured),
    );
    return {
      version: VERDICT_RECORD_VERSION,
      conclusion: value.conclusion === 'success' ? 'success' : value.conclusion === 'neutral' ? 'neutral' : 'failure',
      allowedBreaks: breaks,
      approvers: value.approvers.filter((a): a is string => typeof a === 'string'),
      ...(typeof value.overriddenBy === 'string' ? { overriddenBy: value.overriddenBy } : {}),
    };
  } catch {
    return undefined;
  }
}
