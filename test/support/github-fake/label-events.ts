/**
 * Issue events of the label audit (`GET /repos/{o}/{r}/issues/{n}/events`) derived from the real
 * `pull_request` `labeled`/`unlabeled` webhook payloads of @octokit/webhooks-examples: the payload's
 * label and sender become the event's label and actor; the name, actor and time are varied.
 */
import { createRequire } from 'node:module';

interface LabelPayload {
  readonly action: string;
  readonly label: { readonly id: number; readonly name: string; readonly color: string } & Record<string, unknown>;
  readonly sender: { readonly login: string; readonly id: number } & Record<string, unknown>;
  readonly pull_request: { readonly updated_at: string };
}

const require = createRequire(import.meta.url);
const index = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: LabelPayload[] }[];

function example(action: 'labeled' | 'unlabeled'): LabelPayload {
  const found = index.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === action);
  if (found === undefined) throw new Error(`webhooks-examples has no pull_request ${action} example`);
  return found;
}

let nextId = 9000;

/** One issue event; `actor: null` is what GitHub returns for a deleted account or some integrations. */
export function labelIssueEvent(action: 'labeled' | 'unlabeled', label: string, actor: string | null, createdAt: string): Record<string, unknown> {
  const payload = example(action);
  return {
    id: nextId++,
    event: action,
    actor: actor === null ? null : { ...payload.sender, login: actor },
    label: { name: label, color: payload.label.color },
    created_at: createdAt,
  };
}
