/**
 * The facts the registry-backed check needs from a Schema Registry, over the client, memoised so that
 * each fact costs one request per run. Request accounting (docs/registry.md):
 *
 * - per changed subject: its level (`GET /config/{s}?defaultToGlobal=true`), one
 *   `POST /compatibility/subjects/{s}/versions?verbose=true`, and the versions the level compares
 *   with for the cross-check: the latest (`GET /subjects/{s}/versions/latest`) for a non-transitive
 *   level; for a transitive one every live version with its text in one
 *   `GET /schemas?subjectPrefix={s}` listing (not one request per version; the client confirms a
 *   short first page with one more request);
 * - per deleted subject: the listing only;
 * - per distinct referenced file: one lookup (`POST /subjects/{s}`), per distinct reference of a
 *   registered version: one `GET /subjects/{s}/versions/{v}`.
 */
import type { CompatibilityLevel } from '../../avro/compat/index.js';
import {
  isCompatibilityLevel,
  RegistryError,
  RegistryErrorCodes,
  type CompatibilityResult,
  type RegisteredSchema,
  type RegistryClient,
  type SchemaInput,
  type SchemaReference,
} from '../../registry/index.js';

/** The registry's answer to the compatibility question, or `new` when the subject has no version to compare. */
export type RegistryAnswer = { readonly kind: 'checked'; readonly result: CompatibilityResult } | { readonly kind: 'new' };

export interface RegistryFacts {
  /** The level the registry applies to the subject (its own, else its context's, else the global one). */
  level(subject: string): Promise<CompatibilityLevel>;
  /** The subject's live versions, oldest first. */
  versions(subject: string): Promise<readonly RegisteredSchema[]>;
  /** The latest live version alone (all a non-transitive level compares with); empty for a subject without one. */
  latest(subject: string): Promise<readonly RegisteredSchema[]>;
  /** A referenced version (memoised: many versions reference the same one). */
  referenced(reference: SchemaReference): Promise<RegisteredSchema>;
  /** The registered version holding exactly this schema, or undefined. */
  lookup(subject: string, schema: SchemaInput): Promise<RegisteredSchema | undefined>;
  /** The registry's verdict on the candidate at the subject's full level. */
  check(subject: string, schema: SchemaInput): Promise<RegistryAnswer>;
}

export function registryFacts(client: RegistryClient): RegistryFacts {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let pending = memo.get(key) as Promise<T> | undefined;
    if (pending === undefined) {
      pending = load();
      memo.set(key, pending);
    }
    return pending;
  };
  const globalLevel = () => once('global', async () => levelOf((await client.getGlobalConfig()).compatibilityLevel, 'the global config'));
  return {
    level: (subject) =>
      once(`config ${subject}`, async () => {
        const config = await client.getSubjectConfig(subject, { defaultToGlobal: true });
        // Servers before CP 7.0 answer 40401 for a subject without an override, even with defaultToGlobal.
        return config === undefined ? globalLevel() : levelOf(config.compatibilityLevel, `the config of subject '${subject}'`);
      }),
    versions: (subject) =>
      once(`versions ${subject}`, async () => {
        // A prefix listing also returns longer subjects sharing the prefix; keep the exact one. These
        // versions only feed the cross-check (the registry's own verdict decides), so a short first page
        // is taken as the whole listing: one request per subject, within the budget of two.
        const rows = await client.listSchemas({ subjectPrefix: subject, trustShortFirstPage: true });
        return rows.filter((row) => row.subject === subject && !row.deleted).sort((a, b) => a.version - b.version);
      }),
    latest: (subject) =>
      once(`latest ${subject}`, async () => {
        try {
          return [await client.getVersion(subject, 'latest')];
        } catch (error) {
          if (error instanceof RegistryError && error.kind === 'not-found' && NO_VERSION.includes(error.code ?? 0)) return [];
          throw error;
        }
      }),
    referenced: (reference) => once(`ref ${reference.subject} ${reference.version}`, () => client.getVersion(reference.subject, reference.version)),
    lookup: (subject, schema) => once(`lookup ${subject} ${JSON.stringify(schema)}`, () => client.lookupSchema(subject, schema)),
    check: async (subject, schema) => {
      try {
        return { kind: 'checked', result: await client.checkCompatibility(subject, schema, { verbose: true }) };
      } catch (error) {
        // Some servers (and Confluent Cloud's docs) answer 40401 for a subject without versions.
        if (error instanceof RegistryError && error.code === RegistryErrorCodes.SUBJECT_NOT_FOUND) return { kind: 'new' };
        throw error;
      }
    },
  };
}

/** 40401 no such subject, 40402 no such version: both mean nothing is registered to compare with. */
const NO_VERSION: readonly number[] = [RegistryErrorCodes.SUBJECT_NOT_FOUND, RegistryErrorCodes.VERSION_NOT_FOUND];

function levelOf(level: unknown, what: string): CompatibilityLevel {
  if (isCompatibilityLevel(level)) return level;
  throw new RegistryError(`${what} has no usable compatibilityLevel (got ${JSON.stringify(level) ?? 'nothing'})`, {
    kind: 'malformed-response',
    endpoint: 'GET /config/{subject}',
    hint: 'Check that the URL points at a Confluent-compatible Schema Registry.',
  });
}
