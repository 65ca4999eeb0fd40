/**
 * The audited emergency override (issue 4 §3): a label that counts only when a Platform Lead applied
 * it. The last `labeled` event for the label names who did; anyone else's label is ignored, and
 * either way the report records it.
 */
import type { ApprovalSettings } from '../config/policy-sections.js';
import type { PullFacts } from './facts.js';
import type { OverrideResult } from './result.js';
import { isMember } from './roles.js';

export function evaluateOverride(settings: ApprovalSettings, facts: PullFacts): OverrideResult | undefined {
  const label = settings.emergencyLabel;
  if (label === undefined || !facts.labels.includes(label)) return undefined;
  const events = facts.labelEvents.filter((event) => event.label === label);
  const last = events[events.length - 1];
  if (last === undefined) {
    return { label, valid: false, description: `label "${label}" is present but who applied it is unknown, so it is ignored` };
  }
  const base = { label, appliedBy: last.actor, appliedAt: last.createdAt };
  if (!isMember(settings.platformLeads, last.actor, facts.teams)) {
    return { ...base, valid: false, description: `label "${label}" was applied by @${last.actor}, who is not a Platform Lead, so it is ignored` };
  }
  return { ...base, valid: true, description: `emergency override "${label}" applied by Platform Lead @${last.actor} at ${last.createdAt}` };
}
