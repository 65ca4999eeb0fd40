/** Parses one schema file together with the files defining the types it uses. */
import { SchemaError } from '../../avro/errors.js';
import type { JsonDocument } from '../../avro/json-document.js';
import { loadSchemaSet, type LoadedSchema } from '../../avro/load.js';
import type { CandidateDocuments } from './positions.js';
import type { ScannedSource } from './sources.js';

/** A parsed schema with the documents its nodes point into. */
export interface ParsedCandidate {
  readonly loaded: LoadedSchema;
  readonly documents: CandidateDocuments;
  readonly text: string;
}

export type LoadResult = { readonly ok: true; readonly value: ParsedCandidate } | { readonly ok: false; readonly error: SchemaError; readonly text?: string };

/**
 * Parses `root` from its closure. `strict` validates defaults and logical types as the registry
 * validates a new schema; committed versions pass false. Names are always validated: a file whose
 * names Avro refuses could never have been registered (issue 12). Never throws for bad input.
 */
export function loadFromClosure(root: string, closure: ReadonlyMap<string, ScannedSource>, strict: boolean, commit?: string): LoadResult {
  const own = closure.get(root);
  if (own === undefined) throw new Error(`internal: ${root} missing from its own closure`);
  if (own.error !== undefined || own.text === undefined) return failure(own.error, own.text);
  for (const source of closure.values()) {
    if (source.error !== undefined) {
      const hint = `${source.error.hint ?? ''} ${root} uses types defined in this file.`.trim();
      return failure(source.error.withDetails({ hint }), source.text);
    }
  }
  const sources = [...closure.values()].map((source) => ({ file: source.file, text: source.text ?? '', ...(source.document !== undefined && { document: source.document }) }));
  let loaded: Map<string, LoadedSchema>;
  try {
    loaded = loadSchemaSet(sources, { strict });
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    const text = error.file === undefined || error.file === root ? own.text : closure.get(error.file)?.text;
    return failure(error, text);
  }
  const documents = new Map<string, JsonDocument>();
  for (const [file, schema] of loaded) if (schema.document) documents.set(file, schema.document);
  const value = loaded.get(root);
  if (value === undefined) throw new Error(`internal: ${root} was not loaded`);
  return { ok: true, value: { loaded: value, text: own.text, documents: { file: root, documents, ...(commit !== undefined && { commit }) } } };
}

function failure(error: SchemaError | undefined, text: string | undefined): LoadResult {
  if (error === undefined) throw new Error('internal: a source without text has no error');
  return { ok: false, error, ...(text !== undefined && { text }) };
}
