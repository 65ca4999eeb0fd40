/** The sync plan: plain, versioned data that `--dry-run` prints and `--output` writes. */
import type { NewIssue } from '../github/tracker.js';

export const PLAN_VERSION = 1;

export type Operation =
  | {
      readonly kind: 'create';
      /** The item key, or `missing:<incident>`; lets a retried create find the issue it may already have made. */
      readonly key: string;
      readonly purpose: 'action-item' | 'missing-postmortem';
      readonly issue: NewIssue;
      /** Set when nobody can be assigned: posted as a comment after the create. */
      readonly needsOwnerComment?: string;
      /** Where the item is written, for messages. */
      readonly source?: { readonly file: string; readonly line: number };
    }
  | {
      readonly kind: 'update';
      readonly issue: number;
      readonly key: string;
      readonly changes: {
        readonly title?: string;
        readonly body?: string;
        readonly labels?: readonly string[];
        readonly assignees?: readonly string[];
      };
      /** Why: `text edited`, `due date changed`, `labels`, ... */
      readonly reasons: readonly string[];
      readonly needsOwnerComment?: string;
    }
  | { readonly kind: 'close'; readonly issue: number; readonly reason: string; readonly stateReason: 'completed' }
  | { readonly kind: 'comment'; readonly issue: number; readonly purpose: 'reminder'; readonly body: string }
  | {
      readonly kind: 'tick';
      readonly file: string;
      readonly line: number;
      readonly key: string;
      readonly incidentId: string;
      readonly done: boolean;
      readonly issue: number;
    };

export interface SyncPlan {
  readonly version: typeof PLAN_VERSION;
  readonly operations: readonly Operation[];
  /** Issues whose item left its report, and duplicate issues for one key: reported, never closed automatically. */
  readonly drift: ReadonlyArray<{ readonly issue: number; readonly reason: string }>;
}
