/**
 * Who applied the emergency label (issue 18): the actor of the latest `labeled` event, names compared
 * case-insensitively; a later `unlabeled` in any case ends it; no actor or a non-lead means no override.
 */
import { describe, expect, it } from 'vitest';
import { evaluateOverride, labelApplication } from '../../../src/policy/approvals/override.js';
import type { LabelEvent } from '../../../src/policy/approvals/facts.js';
import { labelIssueEvent } from '../../support/github-fake/label-events.js';
import { facts, settings } from './builders.js';

/** The fact the pulls source makes of a real issue event. */
function event(action: 'labeled' | 'unlabeled', label: string, actor: string | null, createdAt: string): LabelEvent {
  const raw = labelIssueEvent(action, label, actor, createdAt) as { event: 'labeled' | 'unlabeled'; label: { name: string }; actor: { login: string } | null; created_at: string };
  return { action: raw.event, label: raw.label.name, actor: raw.actor?.login ?? null, createdAt: raw.created_at };
}

const LABEL = 'schema-emergency';
const withLabel = settings({ emergencyLabel: LABEL });

function override(labelEvents: LabelEvent[], labels = [LABEL]) {
  return evaluateOverride(withLabel, facts([], { labels, labelEvents }));
}

describe('who applied the emergency label', () => {
  it('credits a lead whose application is the latest', () => {
    const result = override([event('labeled', LABEL, 'expert1', '2026-11-20T09:00:00Z'), event('unlabeled', LABEL, 'expert1', '2026-11-20T09:30:00Z'), event('labeled', LABEL, 'lead1', '2026-11-20T10:00:00Z')]);
    expect(result).toEqual({ label: LABEL, valid: true, appliedBy: 'lead1', appliedAt: '2026-11-20T10:00:00Z', description: `emergency override "${LABEL}" applied by Platform Lead @lead1 at 2026-11-20T10:00:00Z` });
  });

  it('credits a re-application in other letter case to its actor, who is not a lead', () => {
    const result = override([event('labeled', LABEL, 'lead1', '2026-11-20T10:00:00Z'), event('unlabeled', LABEL, 'expert1', '2026-11-20T11:00:00Z'), event('labeled', 'SCHEMA-EMERGENCY', 'expert1', '2026-11-20T11:01:00Z')]);
    expect(result?.valid).toBe(false);
    expect(result?.appliedBy).toBe('expert1');
    expect(result?.description).toBe(`label "${LABEL}" was last applied by @expert1 at 2026-11-20T11:01:00Z (the "labeled" event for "SCHEMA-EMERGENCY"), who is not a Platform Lead, so it is ignored`);
  });

  it('finds the label on the PR whatever its letter case', () => {
    const result = override([event('labeled', 'Schema-Emergency', 'lead1', '2026-11-20T10:00:00Z')], ['Schema-Emergency']);
    expect(result?.valid).toBe(true);
  });

  it('ignores the label when its latest application has no actor, naming that event', () => {
    const result = override([event('labeled', LABEL, 'lead1', '2026-11-20T10:00:00Z'), event('unlabeled', LABEL, 'lead1', '2026-11-20T11:00:00Z'), event('labeled', LABEL, null, '2026-11-20T12:00:00Z')]);
    expect(result).toEqual({
      label: LABEL,
      valid: false,
      description: `label "${LABEL}" was last applied by the "labeled" event for "${LABEL}" at 2026-11-20T12:00:00Z, which names no actor (a deleted account or an integration): who applied it is unknown, so it is ignored`,
    });
  });

  it('ends the override at a later unlabeled event in any letter case', () => {
    const result = override([event('labeled', LABEL, 'lead1', '2026-11-20T10:00:00Z'), event('unlabeled', 'Schema-EMERGENCY', 'expert1', '2026-11-20T11:00:00Z')]);
    expect(result?.valid).toBe(false);
    expect(result?.description).toBe(`label "${LABEL}" was removed (the "unlabeled" event for "Schema-EMERGENCY" by @expert1 at 2026-11-20T11:00:00Z) after it was last applied at 2026-11-20T10:00:00Z, so it is ignored`);
  });

  it('an unlabeled event with no actor also ends it', () => {
    const application = labelApplication(LABEL, [event('labeled', LABEL, 'lead1', '1'), event('unlabeled', LABEL, null, '2')]);
    expect(application).toEqual(expect.objectContaining({ applied: false, why: expect.stringContaining('"unlabeled" event for "schema-emergency" with no actor at 2') }));
  });

  it('an unlabeled event before the latest application does not end it', () => {
    const application = labelApplication(LABEL, [event('unlabeled', LABEL, 'expert1', '1'), event('labeled', LABEL, 'lead1', '2')]);
    expect(application).toEqual(expect.objectContaining({ applied: true, actor: 'lead1' }));
  });

  it('events for other labels do not count', () => {
    const result = override([event('labeled', LABEL, 'lead1', '1'), event('unlabeled', 'bug', 'expert1', '2'), event('labeled', 'schema-emergency-2', 'expert1', '3')]);
    expect(result?.valid).toBe(true);
  });

  it('a label with no labeled event is ignored', () => {
    const result = override([]);
    expect(result).toEqual({ label: LABEL, valid: false, description: `label "${LABEL}" is on the PR but no "labeled" event for it was found: who applied it is unknown, so it is ignored` });
  });

  it('no override when the label is absent', () => {
    expect(override([event('labeled', LABEL, 'lead1', '1')], [])).toBeUndefined();
  });
});
