/**
 * The `approvals` and `deprecation` sections of `guardrails.yaml` (issue 4 §3): who must approve a
 * schema change, and how long a deprecation marker must sit on the base branch before the element
 * may be removed. zod shapes (error text = expected form) plus normalisation into settings.
 */
import { z } from 'zod';
import { compileGlob, GlobError } from './glob.js';
import { formatKeyPath, type ConfigIssue } from './errors.js';
import type { Locator } from './locate.js';

/** A GitHub user login or an `org/team-slug`. */
export type Principal = { readonly kind: 'user'; readonly login: string } | { readonly kind: 'team'; readonly org: string; readonly slug: string };

/** Domain experts for the schema files a glob matches; the last matching entry wins, as in CODEOWNERS. */
export interface ExpertRule {
  readonly files: string;
  readonly owners: readonly Principal[];
}

export interface ApprovalSettings {
  /** The Platform Lead team (or users). Empty means no Platform Lead can ever approve, so set it. */
  readonly platformLeads: readonly Principal[];
  readonly domainExperts: readonly ExpertRule[];
  /** Approvals needed per role; by default one of each, from two distinct people. */
  readonly required: { readonly platformLead: number; readonly domainExpert: number };
  /** Only reviews of the PR's current head commit count (default true). */
  readonly requireCurrentHead: boolean;
  /**
   * Whoever pushed the PR's current head cannot approve it, even if they wrote none of its commits
   * (default true; GitHub's "require approval of the most recent reviewable push").
   */
  readonly excludeLastPusher: boolean;
  /** `changes`: any schema change needs approval; `breaking`: only breaking ones. */
  readonly requiredFor: 'changes' | 'breaking';
  /** A label that, applied by a Platform Lead, overrides failures; recorded in the report. */
  readonly emergencyLabel?: string;
}

export interface DeprecationSettings {
  /** Days a marker must have been on the base branch before removal (default 30). */
  readonly windowDays: number;
}

export const DEFAULT_APPROVALS: ApprovalSettings = {
  platformLeads: [],
  domainExperts: [],
  required: { platformLead: 1, domainExpert: 1 },
  requireCurrentHead: true,
  excludeLastPusher: true,
  requiredFor: 'changes',
};

export const DEFAULT_DEPRECATION: DeprecationSettings = { windowDays: 30 };

const PRINCIPAL_FORM = 'a GitHub login such as "alice" or a team such as "my-org/platform-leads"';
const principal = z
  .string({ error: PRINCIPAL_FORM })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]{1,100})?$/, { error: PRINCIPAL_FORM });
const principals = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(principal, { error: `${PRINCIPAL_FORM}, or a list of them` }).min(1, { error: 'at least one owner' }),
);
const count = z.number({ error: 'a whole number from 0 to 10' }).int({ error: 'a whole number from 0 to 10' }).min(0).max(10);

export const EXPERT_SHAPE = { files: z.string({ error: 'a glob string such as "schemas/market/**"' }).min(1), owners: principals };
export const REQUIRED_SHAPE = { 'platform-lead': count.optional(), 'domain-expert': count.optional() };
export const APPROVALS_SHAPE = {
  'platform-leads': principals.optional(),
  'domain-experts': z.array(z.strictObject(EXPERT_SHAPE, { error: 'a mapping with `files` and `owners`' }), { error: 'a list of mappings with `files` and `owners`' }).optional(),
  required: z.strictObject(REQUIRED_SHAPE, { error: 'a mapping with `platform-lead` and/or `domain-expert` counts' }).optional(),
  'require-current-head': z.boolean({ error: 'true or false' }).optional(),
  'exclude-last-pusher': z.boolean({ error: 'true or false' }).optional(),
  'required-for': z.enum(['changes', 'breaking'], { error: 'one of changes, breaking' }).optional(),
  'emergency-label': z.string({ error: 'a label name such as "schema-emergency"' }).min(1).max(50).optional(),
};
export const DEPRECATION_SHAPE = {
  'window-days': z.number({ error: 'a whole number of days from 0 to 3650' }).int({ error: 'a whole number of days from 0 to 3650' }).min(0).max(3650).optional(),
};

export const approvalsSection = z.strictObject(APPROVALS_SHAPE, { error: 'a mapping with `platform-leads`, `domain-experts`, `required`, ...' });
export const deprecationSection = z.strictObject(DEPRECATION_SHAPE, { error: 'a mapping with `window-days`' });

export type RawApprovals = z.infer<typeof approvalsSection>;
export type RawDeprecation = z.infer<typeof deprecationSection>;

/** The keys allowed under a path inside these sections, for "unknown key" messages; undefined when not ours. */
export function policyAllowedKeys(path: readonly PropertyKey[]): readonly string[] | undefined {
  const [top, second] = path;
  if (top === 'approvals' && path.length === 1) return Object.keys(APPROVALS_SHAPE);
  if (top === 'approvals' && second === 'required' && path.length === 2) return Object.keys(REQUIRED_SHAPE);
  if (top === 'approvals' && second === 'domain-experts' && path.length === 3) return Object.keys(EXPERT_SHAPE);
  if (top === 'deprecation' && path.length === 1) return Object.keys(DEPRECATION_SHAPE);
  return undefined;
}

export function parsePrincipal(text: string): Principal {
  const slash = text.indexOf('/');
  if (slash < 0) return { kind: 'user', login: text };
  return { kind: 'team', org: text.slice(0, slash), slug: text.slice(slash + 1) };
}

export function formatPrincipal(p: Principal): string {
  return p.kind === 'user' ? `@${p.login}` : `@${p.org}/${p.slug}`;
}

/** Settings from the raw sections; glob problems become issues with positions. */
export function normalisePolicySections(
  raw: { approvals?: RawApprovals; deprecation?: RawDeprecation },
  file: string,
  locate: Locator,
): { approvals: ApprovalSettings; deprecation: DeprecationSettings; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const a = raw.approvals ?? {};
  const experts = (a['domain-experts'] ?? []).map((entry, index) => {
    try {
      compileGlob(entry.files);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      const path = ['approvals', 'domain-experts', index, 'files'];
      issues.push({ file, ...locate(path), path: formatKeyPath(path), problem: `got ${JSON.stringify(entry.files)}: ${error.problem}` });
    }
    return { files: entry.files, owners: entry.owners.map(parsePrincipal) };
  });
  const approvals: ApprovalSettings = {
    platformLeads: (a['platform-leads'] ?? []).map(parsePrincipal),
    domainExperts: experts,
    required: {
      platformLead: a.required?.['platform-lead'] ?? DEFAULT_APPROVALS.required.platformLead,
      domainExpert: a.required?.['domain-expert'] ?? DEFAULT_APPROVALS.required.domainExpert,
    },
    requireCurrentHead: a['require-current-head'] ?? DEFAULT_APPROVALS.requireCurrentHead,
    excludeLastPusher: a['exclude-last-pusher'] ?? DEFAULT_APPROVALS.excludeLastPusher,
    requiredFor: a['required-for'] ?? 'changes',
    ...(a['emergency-label'] !== undefined && { emergencyLabel: a['emergency-label'] }),
  };
  const deprecation = { windowDays: raw.deprecation?.['window-days'] ?? DEFAULT_DEPRECATION.windowDays };
  return { approvals, deprecation, issues };
}
