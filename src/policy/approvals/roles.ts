/**
 * The roles a PR's schema changes call for: the Platform Lead, and one domain-expert group per set of
 * schema files that share an owner entry (the last matching `domain-experts` entry wins, as in
 * CODEOWNERS). Membership is looked up in facts fetched at evaluation time; a `pending` team
 * invitation is not membership (trap 7).
 */
import { compileGlob } from '../config/glob.js';
import { formatPrincipal, type ApprovalSettings, type Principal } from '../config/policy-sections.js';
import { teamKey, type MembershipState } from './facts.js';

export interface Role {
  readonly kind: 'platform-lead' | 'domain-expert';
  /** For people: "Platform Lead", "Domain expert (schemas/market/**)". */
  readonly name: string;
  readonly principals: readonly Principal[];
  readonly count: number;
  /** The schema files the role covers (domain experts only). */
  readonly files: readonly string[];
}

export function rolesFor(settings: ApprovalSettings, schemaFiles: readonly string[]): Role[] {
  const roles: Role[] = [];
  if (settings.required.platformLead > 0) {
    roles.push({ kind: 'platform-lead', name: 'Platform Lead', principals: settings.platformLeads, count: settings.required.platformLead, files: [] });
  }
  if (settings.required.domainExpert === 0) return roles;
  const matchers = settings.domainExperts.map((rule) => compileGlob(rule.files));
  const groups = new Map<number, string[]>();
  for (const file of schemaFiles) {
    let owner = -1;
    matchers.forEach((matches, index) => {
      if (matches(file)) owner = index;
    });
    groups.set(owner, [...(groups.get(owner) ?? []), file]);
  }
  for (const [index, files] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const rule = settings.domainExperts[index];
    roles.push({
      kind: 'domain-expert',
      name: rule === undefined ? 'Domain expert (no owner configured)' : `Domain expert (${rule.files})`,
      principals: rule?.owners ?? [],
      count: settings.required.domainExpert,
      files,
    });
  }
  return roles;
}

export type TeamLookup = ReadonlyMap<string, ReadonlyMap<string, MembershipState>>;

/** Whether `login` is one of the principals: named directly, or an active member of a named team. */
export function isMember(principals: readonly Principal[], login: string, teams: TeamLookup): boolean {
  const lower = login.toLowerCase();
  return principals.some((p) =>
    p.kind === 'user' ? p.login.toLowerCase() === lower : teams.get(teamKey(p.org, p.slug))?.get(lower) === 'active',
  );
}

export function describePrincipals(principals: readonly Principal[]): string {
  return principals.length === 0 ? 'nobody (configure it in guardrails.yaml)' : principals.map(formatPrincipal).join(', ');
}
