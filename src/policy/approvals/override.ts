/**
 * The audited emergency override (issue 4 §3, issue 18): a label that counts only when a Platform
 * Lead applied it. The applier is the actor of the latest `labeled` event for the label, names
 * compared case-insensitively as GitHub compares them; a later `unlabeled` event in any case ends
 * it, and an event without an actor leaves the applier unknown. Anything but a known lead means no
 * override, and the report says which event decided.
 */
import type { ApprovalSettings } from '../config/policy-sections.js';
import type { LabelEvent, PullFacts } from './facts.js';
import type { OverrideResult } from './result.js';
import { isMember } from './roles.js';

/** What the label events say about who applied the label: a known actor, or why nobody is known. */
export type LabelApplication =
  | { readonly applied: true; readonly actor: string; readonly event: LabelEvent }
  | { readonly applied: false; readonly why: string; readonly lastApplied?: LabelEvent };

/** GitHub treats label names case-insensitively: `SCHEMA-EMERGENCY` is the same label. */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Decides who applied `label` from the PR's label events, oldest first. */
export function labelApplication(label: string, events: readonly LabelEvent[]): LabelApplication {
  const matching = events.filter((event) => sameLabel(event.label, label));
  const last = matching.findLastIndex((event) => event.action === 'labeled');
  const applied = matching[last];
  if (applied === undefined) {
    return { applied: false, why: `label "${label}" is on the PR but no "labeled" event for it was found: who applied it is unknown` };
  }
  const removal = matching.slice(last + 1).findLast((event) => event.action === 'unlabeled');
  if (removal !== undefined) {
    const why = `label "${label}" was removed (the "unlabeled" event for "${removal.label}" ${byActor(removal)} at ${removal.createdAt}) after it was last applied at ${applied.createdAt}`;
    return { applied: false, why, lastApplied: applied };
  }
  if (applied.actor === null) {
    const why = `label "${label}" was last applied by the "labeled" event for "${applied.label}" at ${applied.createdAt}, which names no actor (a deleted account or an integration): who applied it is unknown`;
    return { applied: false, why, lastApplied: applied };
  }
  return { applied: true, actor: applied.actor, event: applied };
}

export function evaluateOverride(settings: ApprovalSettings, facts: PullFacts): OverrideResult | undefined {
  const label = settings.emergencyLabel;
  if (label === undefined || !facts.labels.some((name) => sameLabel(name, label))) return undefined;
  const application = labelApplication(label, facts.labelEvents);
  if (!application.applied) {
    const known = application.lastApplied;
    const by = known?.actor == null ? {} : { appliedBy: known.actor, appliedAt: known.createdAt };
    return { label, valid: false, ...by, description: `${application.why}, so it is ignored` };
  }
  const { actor, event } = application;
  const base = { label, appliedBy: actor, appliedAt: event.createdAt };
  if (!isMember(settings.platformLeads, actor, facts.teams)) {
    return { ...base, valid: false, description: `label "${label}" was last applied by @${actor} at ${event.createdAt} (the "labeled" event for "${event.label}"), who is not a Platform Lead, so it is ignored` };
  }
  return { ...base, valid: true, description: `emergency override "${label}" applied by Platform Lead @${actor} at ${event.createdAt}` };
}

function byActor(event: LabelEvent): string {
  return event.actor === null ? 'with no actor' : `by @${event.actor}`;
}
