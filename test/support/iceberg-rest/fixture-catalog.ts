/** A test REST catalog serving copies of fixture tables, with the spec validator on when the spec is present. */
import type { FixtureTable } from '../iceberg/fixtures.js';
import { OpenApiValidator, SPEC_PRESENT } from './openapi.js';
import { type TestRestCatalog, type TestRestCatalogOptions, startTestRestCatalog } from './server.js';

let validator: OpenApiValidator | undefined;

/** The validator, loaded once; undefined (with a message) when ../shared/specs is absent. */
export function specValidator(): OpenApiValidator | undefined {
  if (!SPEC_PRESENT) {
    console.warn('skipping OpenAPI validation of the test REST catalog: ../shared/specs/iceberg-rest-catalog-open-api.yaml is absent');
    return undefined;
  }
  validator ??= OpenApiValidator.load();
  return validator;
}

export interface ServedTable {
  readonly fixture: FixtureTable;
  /** Root of the temporary copy. */
  readonly dir: string;
  readonly namespace: readonly string[];
  readonly name: string;
}

export async function serveFixtures(tables: readonly ServedTable[], options: Omit<TestRestCatalogOptions, 'mappings' | 'validator'> = {}): Promise<TestRestCatalog> {
  const validator = specValidator();
  const catalog = await startTestRestCatalog({ ...options, mappings: tables.map((t) => ({ prefix: t.fixture.prefix, dir: t.dir })), ...(validator ? { validator } : {}) });
  for (const t of tables) catalog.register(t.namespace, t.name, t.fixture.metadataLocation);
  return catalog;
}
