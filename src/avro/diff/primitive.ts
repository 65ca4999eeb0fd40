/** Matched primitive types (promotions, narrowing) and the logical types on primitives and fixed. */
import type { PrimitiveSchema, Schema } from '../model.js';
import { refOf, type Place, type Walk } from './context.js';
import { compareLogical } from './logical.js';
import { relatePrimitives } from './promotion.js';

const STRING_BYTES_REASON =
  'Avro converts between string and bytes in both directions, so the registry accepts this; consumer code now sees another type.';

export function comparePrimitives(walk: Walk, before: PrimitiveSchema, after: PrimitiveSchema, place: Place): void {
  const relation = relatePrimitives(before.type, after.type);
  const details = { path: place.path, before: refOf(before), after: refOf(after), element: place.owner };
  const change = `${before.type} -> ${after.type}`;
  switch (relation.kind) {
    case 'same':
      break;
    case 'promoted': {
      const toBytes = after.type === 'bytes';
      const effect = toBytes ? 'consumers now get UTF-8 bytes instead of text' : 'consumers on the old schema cannot read the new values';
      walk.emit('TYPE_PROMOTED', {
        ...details, message: `${place.subject} type promoted ${change}: ${effect}`, reason: toBytes ? STRING_BYTES_REASON : undefined,
      });
      break;
    }
    case 'promoted-lossy':
      walk.emit('TYPE_PROMOTED_LOSSY', { ...details, message: `${place.subject} type promoted ${change}: ${relation.loss}` });
      break;
    case 'narrowed':
      walk.emit('TYPE_NARROWED', { ...details, message: `${place.subject} type narrowed ${change}: existing ${before.type} values cannot be read` });
      return;
    case 'changed':
      walk.emit('TYPE_CHANGED', { ...details, message: `${place.subject} type changed ${change}: existing data cannot be read` });
      return;
  }
  compareLogicalTypes(walk, before, after, place, after.type);
}

/**
 * Logical types of two nodes whose data still resolves (a breaking type change makes what the data
 * means moot, so callers skip this then). `underlying` is the new node's Avro type, for messages.
 */
export function compareLogicalTypes(walk: Walk, before: Schema, after: Schema, place: Place, underlying: string): void {
  for (const finding of compareLogical(before.logicalType, after.logicalType, underlying)) {
    walk.emit(finding.rule, {
      path: place.path,
      message: `${place.subject} ${finding.text}`,
      before: refOf(before),
      after: refOf(after),
      element: place.owner,
    });
  }
}
