/**
 * Avro's Parsing Canonical Form (specification, "Parsing Canonical Form for Schemas"): primitives as
 * bare names, full names without namespaces, only `name`, `type`, `fields`, `symbols`, `items`,
 * `values` and `size`, in that order, no whitespace, each named type written out at its first
 * occurrence and referenced by full name afterwards. Logical types, defaults, docs, aliases, field
 * order and custom attributes are dropped, so two schemas that read data the same way share a form.
 *
 * Strings are written as `JSON.stringify` writes them: unescaped except for '"', '\' and control
 * characters, which must stay escaped to keep the form JSON. Java writes names unescaped, so the two
 * differ only for names no valid Avro name can have.
 */
import type { Field, Schema } from './model.js';

/** A piece of output: literal text, or a schema still to be written. */
type Piece = string | Schema;

/** Builds the form with an explicit stack, so the depth of the schema never reaches the call stack. */
export function toCanonicalForm(schema: Schema): string {
  const out: string[] = [];
  const written = new Set<string>();
  const work: Piece[] = [schema];
  for (let piece = work.pop(); piece !== undefined; piece = work.pop()) {
    if (typeof piece === 'string') {
      out.push(piece);
      continue;
    }
    const pieces = piecesOf(piece, written);
    for (let i = pieces.length - 1; i >= 0; i--) work.push(pieces[i] as Piece);
  }
  return out.join('');
}

/** One level of a schema; a named type is written in full only the first time it is reached. */
function piecesOf(schema: Schema, written: Set<string>): Piece[] {
  switch (schema.kind) {
    case 'primitive':
      return [quote(schema.type)];
    case 'array':
      return ['{"type":"array","items":', schema.items, '}'];
    case 'map':
      return ['{"type":"map","values":', schema.values, '}'];
    case 'union':
      return ['[', ...separated(schema.branches.map((branch) => [branch])), ']'];
    default:
      break;
  }
  const name = quote(schema.fullName);
  if (written.has(schema.fullName)) return [name];
  written.add(schema.fullName);
  const head = `{"name":${name},"type":"${schema.kind}"`;
  switch (schema.kind) {
    case 'enum':
      return [`${head},"symbols":[${schema.symbols.map(quote).join(',')}]}`];
    case 'fixed':
      return [`${head},"size":${schema.size.toFixed(0)}}`];
    case 'record':
      return [`${head},"fields":[`, ...separated(schema.fields.map(fieldPieces)), ']}'];
  }
}

function fieldPieces(field: Field): Piece[] {
  return [`{"name":${quote(field.name)},"type":`, field.type, '}'];
}

function separated(groups: readonly Piece[][]): Piece[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [',', ...group]));
}

function quote(text: string): string {
  return JSON.stringify(text);
}
