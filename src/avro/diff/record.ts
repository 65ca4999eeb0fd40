/** Matched records: fields in the new record's order (each with its nested changes), then removed fields. */
import type { Field, RecordSchema } from '../model.js';
import { compareAliases, compareDeprecation, compareDocs, type Anchor } from './annotations.js';
import { fieldPlace, refOf, type Place, type Walk } from './context.js';
import { formatValue, jsonEqual } from './describe.js';
import { matchFields } from './match.js';

export function compareRecords(walk: Walk, before: RecordSchema, after: RecordSchema, place: Place): void {
  const { entries, removed } = matchFields(before, after);
  for (const entry of entries) {
    if (entry.before) compareFields(walk, before.fullName, entry.before, entry.after, entry.renamed, place);
    else fieldAdded(walk, before.fullName, entry.after, place);
  }
  for (const field of removed) fieldRemoved(walk, before.fullName, field, place);
}

/** The field's own changes first, then its type's, so nested changes follow their field. */
function compareFields(walk: Walk, record: string, before: Field, after: Field, renamed: boolean, recordPlace: Place): void {
  const place = fieldPlace(recordPlace, record, before.name, after.name);
  const anchor: Anchor = { path: place.path, before: refOf(before), after: refOf(after), element: place.owner };
  const what = `field '${after.name}'`;
  if (renamed) {
    const effect = before.default
      ? `consumers on the old schema will read its default ${formatValue(before.default.value)} instead`
      : `consumers on the old schema cannot read new data, which lacks '${before.name}'`;
    walk.emit('FIELD_RENAMED', { ...anchor, message: `field '${before.name}' renamed to '${after.name}' through an alias: ${effect}` });
  }
  compareDefaults(walk, what, before, after, anchor);
  if (before.order !== after.order) {
    walk.emit('FIELD_ORDER_CHANGED', { ...anchor, message: `${what} sort order changed ${before.order} -> ${after.order}` });
  }
  compareAliases(walk, what, before.aliases, after.aliases, renamed ? before.name : undefined, anchor);
  compareDocs(walk, 'FIELD_DOC_CHANGED', what, before.doc, after.doc, anchor);
  compareDeprecation(walk, what, before, after, anchor);
  walk.compare(before.type, after.type, place);
}

function compareDefaults(walk: Walk, what: string, before: Field, after: Field, anchor: Anchor): void {
  const old = before.default;
  const next = after.default;
  if (!old && next) {
    walk.emit('FIELD_DEFAULT_ADDED', { ...anchor, message: `${what} gained default ${formatValue(next.value)}` });
  } else if (old && !next) {
    walk.emit('FIELD_DEFAULT_REMOVED', {
      ...anchor, message: `${what} lost its default ${formatValue(old.value)}: data without the field can no longer be read`,
    });
  } else if (old && next && !jsonEqual(old.value, next.value)) {
    walk.emit('FIELD_DEFAULT_CHANGED', {
      ...anchor,
      message: `${what} default changed ${formatValue(old.value)} -> ${formatValue(next.value)}: records written without the field now read ${formatValue(next.value)}`,
    });
  }
}

function fieldAdded(walk: Walk, record: string, field: Field, recordPlace: Place): void {
  const details = {
    path: `${recordPlace.path}.${field.name}`, after: refOf(field), element: { kind: 'field', record, name: field.name } as const,
  };
  if (field.default) {
    walk.emit('FIELD_ADDED', { ...details, message: `field '${field.name}' added with default ${formatValue(field.default.value)}` });
  } else {
    walk.emit('FIELD_ADDED_WITHOUT_DEFAULT', {
      ...details, message: `field '${field.name}' added without a default: consumers on the new schema cannot read existing data, which lacks it`,
    });
  }
}

function fieldRemoved(walk: Walk, record: string, field: Field, recordPlace: Place): void {
  const details = {
    path: `${recordPlace.path}.${field.name}`, before: refOf(field), element: { kind: 'field', record, name: field.name } as const,
  };
  if (field.default) {
    walk.emit('FIELD_REMOVED_WITH_DEFAULT', {
      ...details, message: `field '${field.name}' removed: consumers on the old schema will read its default ${formatValue(field.default.value)} instead`,
    });
  } else {
    walk.emit('FIELD_REMOVED', {
      ...details, message: `field '${field.name}' removed, and it had no default: consumers on the old schema cannot read new data`,
    });
  }
}
