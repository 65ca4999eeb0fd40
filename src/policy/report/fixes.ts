/** A plain-words fix for each incompatibility type, for people reading the report. */
import type { Incompatibility } from './model.js';

type Fix = (finding: Pick<Incompatibility, 'message' | 'direction'>) => string;

const FIXES: Readonly<Record<string, Fix>> = {
  READER_FIELD_MISSING_DEFAULT_VALUE: ({ message, direction }) =>
    direction === 'backward'
      ? `add a default to field '${message}' so that new readers can read old records`
      : `keep field '${message}': readers on the old schema need it because it has no default there (give it a default in a release of its own before removing it)`,
  MISSING_ENUM_SYMBOLS: ({ message, direction }) =>
    direction === 'backward'
      ? `keep the symbols ${message}, or give the enum a default so that new readers can read old records`
      : `readers on the old schema do not know the symbols ${message}; give the enum a default there first, or do not add symbols at this level`,
  TYPE_MISMATCH: ({ message, direction }) =>
    // Avro reports a reader enum field that the writer record lacks this way (no field default).
    /^reader type: ENUM not compatible with writer type: RECORD$/.test(message)
      ? 'give the field a default: the enum\'s own default only covers unknown symbols, not records written without the field'
      : `use a type the ${direction === 'backward' ? 'new' : 'old'} reader can read: Avro only promotes int→long→float→double and string↔bytes; to change a type, add a new field with a default instead`,
  NAME_MISMATCH: ({ message, direction }) =>
    direction === 'backward'
      ? `keep the type's name, or add the old full name ${message.replace(/^expected: /, '')} to its \`aliases\``
      : 'keep the type\'s name: readers on the old schema match types by name and cannot use aliases the new schema adds',
  FIXED_SIZE_MISMATCH: () => 'keep the fixed size; for a new size, add a new fixed type and a new field with a default',
  MISSING_UNION_BRANCH: ({ direction }) =>
    `keep the union branch, or add a branch the ${direction === 'backward' ? 'new' : 'old'} reader can read it with`,
  UNEXPECTED_EXCEPTION: () => 'make field names and aliases unambiguous: one reader field must not match several writer fields',
};

export function fixFor(finding: Pick<Incompatibility, 'type' | 'message' | 'direction'>): string {
  const fix = FIXES[finding.type];
  return fix ? fix(finding) : 'see the description above';
}
