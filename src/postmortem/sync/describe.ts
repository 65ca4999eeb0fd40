/** One line per planned operation, for `--dry-run`. */
import type { Operation } from './plan-types.js';

export function describeOperation(op: Operation): string {
  switch (op.kind) {
    case 'create': {
      const where = op.source ? ` (${op.source.file}:${op.source.line})` : '';
      const who = op.issue.assignees.length > 0 ? ` assignees: ${op.issue.assignees.join(', ')}` : '';
      return `create  ${op.issue.title}${where} labels: ${op.issue.labels.join(', ')}${who}${op.needsOwnerComment ? ' + needs-owner comment' : ''}`;
    }
    case 'update':
      return `update  #${op.issue} (${op.reasons.join(', ')})`;
    case 'close':
      return `close   #${op.issue} (${op.reason})`;
    case 'comment':
      return `comment #${op.issue} (${op.purpose})`;
    case 'tick':
      return `${op.done ? 'tick   ' : 'untick '} ${op.file}:${op.line} (issue #${op.issue})`;
  }
}
