/**
 * Fills the roles with distinct people (trap 6): whoever counts as a Platform Lead cannot also count
 * as a domain expert, though one expert may cover several expert groups. Searches the ways to pick
 * the Platform Leads and keeps the assignment that fills the most slots.
 */
import type { Role } from './roles.js';

export interface Assignment {
  /** Role index → logins counted for it. */
  readonly filled: readonly (readonly string[])[];
}

/** Beyond this many lead candidates the search falls back to a greedy choice. */
const MAX_SEARCH = 12;

export function assignRoles(roles: readonly Role[], canFill: (login: string, role: Role) => boolean, approvers: readonly string[]): Assignment {
  const leadIndex = roles.findIndex((role) => role.kind === 'platform-lead');
  const lead = roles[leadIndex];
  if (lead === undefined) return { filled: roles.map((role) => fillExperts(role, approvers, new Set(), canFill)) };
  const candidates = approvers.filter((login) => canFill(login, lead));
  let best: { filled: string[][]; score: number } | undefined;
  for (const chosen of leadChoices(candidates, lead.count, roles, canFill)) {
    const taken = new Set(chosen);
    const filled = roles.map((role, i) => (i === leadIndex ? chosen : fillExperts(role, approvers, taken, canFill)));
    const score = filled.reduce((sum, logins, i) => sum + Math.min(logins.length, roles[i]?.count ?? 0), 0);
    if (best === undefined || score > best.score) best = { filled, score };
  }
  return { filled: best?.filled ?? roles.map(() => []) };
}

function fillExperts(role: Role, approvers: readonly string[], taken: ReadonlySet<string>, canFill: (login: string, role: Role) => boolean): string[] {
  return approvers.filter((login) => !taken.has(login) && canFill(login, role)).slice(0, role.count);
}

/** Subsets of the lead candidates of the needed size (or all of them when fewer). */
function leadChoices(candidates: readonly string[], count: number, roles: readonly Role[], canFill: (login: string, role: Role) => boolean): string[][] {
  const size = Math.min(count, candidates.length);
  if (candidates.length > MAX_SEARCH) {
    // Greedy: prefer candidates who are not needed as experts.
    const expertRoles = roles.filter((role) => role.kind === 'domain-expert');
    const sorted = [...candidates].sort((a, b) => expertCount(a) - expertCount(b));
    return [sorted.slice(0, size)];
    function expertCount(login: string): number {
      return expertRoles.filter((role) => canFill(login, role)).length;
    }
  }
  const out: string[][] = [];
  const pick = (start: number, current: string[]) => {
    if (current.length === size) {
      out.push([...current]);
      return;
    }
    for (let i = start; i < candidates.length; i++) pick(i + 1, [...current, candidates[i] as string]);
  };
  pick(0, []);
  return out;
}
