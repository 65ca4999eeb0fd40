/**
 * The registry the registry-check tests run against: the in-process test registry, or, when
 * GUARDRAILS_TEST_REGISTRY_URL is set, that registry (e.g. a real Confluent Schema Registry; its
 * credentials in GUARDRAILS_TEST_REGISTRY_API_KEY / _API_SECRET). The same tests run against both.
 *
 * Every test uses subjects under a random prefix and deletes them (soft, then hard) afterwards, so a
 * shared registry is left as it was. Fault injection exists only in-process (`local`).
 */
import { randomBytes } from 'node:crypto';
import { createRegistryClient, type CompatibilityLevel, type RegistryClientHandle } from '../../../src/registry/index.js';
import { startTestRegistry, type TestRegistry, type TestRegistryOptions } from '../../support/test-registry/index.js';

export const EXTERNAL_URL = process.env['GUARDRAILS_TEST_REGISTRY_URL'];

export interface RegistryTarget {
  readonly url: string;
  /** Environment for `guardrails check` (credentials of an external registry). */
  readonly env: Record<string, string>;
  /** A unique prefix for this test's topics and subjects. */
  readonly prefix: string;
  /** The in-process registry, when that is the target. */
  readonly local?: TestRegistry;
  /** Registers a schema; returns its version. */
  register(subject: string, schema: string, references?: { name: string; subject: string; version: number }[]): Promise<number>;
  setLevel(subject: string, level: CompatibilityLevel): Promise<void>;
  close(): Promise<void>;
}

export async function openTarget(options: TestRegistryOptions = {}): Promise<RegistryTarget> {
  const prefix = `gr${randomBytes(4).toString('hex')}`;
  const local = EXTERNAL_URL === undefined ? await startTestRegistry(options) : undefined;
  const url = local?.url ?? (EXTERNAL_URL as string);
  const env: Record<string, string> = {};
  const key = process.env['GUARDRAILS_TEST_REGISTRY_API_KEY'];
  const secret = process.env['GUARDRAILS_TEST_REGISTRY_API_SECRET'];
  if (local === undefined && key !== undefined && secret !== undefined) {
    env['GUARDRAILS_REGISTRY_API_KEY'] = key;
    env['GUARDRAILS_REGISTRY_API_SECRET'] = secret;
  }
  const auth = env['GUARDRAILS_REGISTRY_API_KEY'] ? { type: 'basic', username: key, password: secret } : undefined;
  const client: RegistryClientHandle = createRegistryClient({ url, ...(auth && { auth }) });
  const touched = new Set<string>();
  return {
    url,
    env,
    prefix,
    ...(local && { local }),
    async register(subject, schema, references) {
      touched.add(subject);
      const result = await client.register(subject, { schema, ...(references && { references }) });
      return result.version ?? (await client.lookupSchema(subject, { schema, ...(references && { references }) }))?.version ?? -1;
    },
    async setLevel(subject, level) {
      touched.add(subject);
      await client.setSubjectConfig(subject, { compatibility: level });
    },
    async close() {
      if (local !== undefined) {
        client.close();
        await local.close();
        return;
      }
      // Referrers first: subjects were registered in dependency order, so delete in reverse.
      for (const subject of [...touched].reverse()) {
        await client.deleteSubject(subject).catch(() => undefined);
        await client.deleteSubject(subject, { permanent: true }).catch(() => undefined);
        await client.deleteSubjectConfig(subject).catch(() => undefined);
      }
      client.close();
    },
  };
}
