/** Maps an owner as written ("SRE team", "@alice") to assignees through config and the assignable facts. */
import type { FollowupsConfig, OwnerMapping } from '../config.js';

export interface OwnerResolution {
  /** Logins that GitHub reported assignable. */
  readonly assignees: string[];
  /** `org/slug` to mention in the body; teams cannot be assignees. */
  readonly team?: string;
  /** Nobody could be assigned: label `needs-owner` and say why. */
  readonly needsOwner: boolean;
  readonly reason?: string;
}

function mappingFor(owner: string, owners: FollowupsConfig['owners']): OwnerMapping | undefined {
  const wanted = owner.trim().toLowerCase();
  for (const [name, mapping] of Object.entries(owners)) if (name.trim().toLowerCase() === wanted) return mapping;
  const direct = /^@([A-Za-z0-9-]+)$/.exec(owner.trim());
  return direct ? { users: [direct[1]!], team: undefined } : undefined;
}

/** Logins whose assignability must be checked before planning (GET /assignees/{login}). */
export function candidateLogins(owner: string, owners: FollowupsConfig['owners']): string[] {
  return (mappingFor(owner, owners)?.users ?? []).map((u) => u.replace(/^@/, ''));
}

export function resolveOwner(
  owner: string,
  owners: FollowupsConfig['owners'],
  assignable: ReadonlyMap<string, boolean>,
): OwnerResolution {
  const mapping = mappingFor(owner, owners);
  const team = mapping?.team?.replace(/^@/, '');
  if (!mapping) {
    return {
      assignees: [], needsOwner: true, ...(team ? { team } : {}),
      reason: `owner "${owner}" is not mapped to GitHub users; add it under followups.owners in guardrails.yaml`,
    };
  }
  const users = mapping.users.map((u) => u.replace(/^@/, ''));
  const assignees = users.filter((u) => assignable.get(u) === true);
  if (assignees.length > 0) return { assignees, needsOwner: false, ...(team ? { team } : {}) };
  const reason = users.length === 0
    ? `owner "${owner}" maps to team @${team} only, and teams cannot be assigned; add users to followups.owners`
    : `none of ${users.map((u) => `@${u}`).join(', ')} (owner "${owner}") can be assigned in this repository; give them access or change followups.owners`;
  return { assignees: [], needsOwner: true, reason, ...(team ? { team } : {}) };
}
