/**
 * The registry's own versions of a subject as the local engine's history: each parsed leniently (as
 * the registry reads what it stores: defaults, logical types and names unvalidated) together with the
 * schemas it references, fetched from the registry too. A version that does not parse is skipped with a warning, as in the offline history.
 */
import { SchemaError } from '../../avro/errors.js';
import type { JsonDocument } from '../../avro/json-document.js';
import { loadSchemaSet, type SchemaSource } from '../../avro/load.js';
import { RegistryError, type RegisteredSchema, type SchemaReference } from '../../registry/index.js';
import type { ParsedVersion } from './evaluate.js';
import type { RegistryFacts } from './registry-facts.js';

export interface RegistryHistory {
  readonly versions: readonly ParsedVersion[];
  readonly warnings: readonly string[];
}

/** How deep references may nest before the chain is treated as broken (the registry has no limit; cycles are impossible there). */
const MAX_REFERENCE_DEPTH = 32;

/** Parses the registered versions, oldest first; `file` labels the history entries (the local file they stand for). */
export async function registryHistory(registered: readonly RegisteredSchema[], facts: RegistryFacts, file: string): Promise<RegistryHistory> {
  const versions: ParsedVersion[] = [];
  const warnings: string[] = [];
  for (const version of registered) {
    const label = `registry version ${version.version} (id ${version.id}) of ${version.subject}`;
    if (version.schemaType !== 'AVRO') {
      warnings.push(`${label} is ${version.schemaType}, not Avro, and was skipped`);
      continue;
    }
    let sources: SchemaSource[];
    try {
      sources = await referencedSources(version.references, facts, 0);
    } catch (error) {
      if (!(error instanceof RegistryError) || error.kind !== 'not-found') throw error;
      warnings.push(`${label} references a version the registry no longer has and was skipped: ${error.message}`);
      continue;
    }
    const own = `${version.subject}@${version.version}`;
    try {
      // The registry's own versions only: Confluent stored them and reads them without name
      // validation, so a name Avro refuses today must not hide a version from the cross-check (issue 12).
      const loaded = loadSchemaSet([...sources, { file: own, text: version.schema }], { strict: false, names: 'lenient' }).get(own);
      if (loaded === undefined) throw new Error(`internal: ${own} was not loaded`);
      const documents = new Map<string, JsonDocument>(loaded.document ? [[own, loaded.document]] : []);
      const meta = { version: versions.length, file, registry: { subject: version.subject, version: version.version, id: version.id } };
      versions.push({ meta, parsed: { loaded, text: version.schema, documents: { file: own, documents } } });
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      warnings.push(`${label} does not parse and was skipped: ${error.message}`);
    }
  }
  return { versions, warnings };
}

/** The texts a version's references resolve to, transitively, deduplicated. */
async function referencedSources(references: readonly SchemaReference[], facts: RegistryFacts, depth: number): Promise<SchemaSource[]> {
  if (references.length === 0 || depth > MAX_REFERENCE_DEPTH) return [];
  const found = new Map<string, SchemaSource>();
  const fetched = await Promise.all(references.map((reference) => facts.referenced(reference)));
  for (const version of fetched) {
    for (const source of await referencedSources(version.references, facts, depth + 1)) found.set(source.file, source);
    found.set(`${version.subject}@${version.version}`, { file: `${version.subject}@${version.version}`, text: version.schema });
  }
  return [...found.values()];
}
