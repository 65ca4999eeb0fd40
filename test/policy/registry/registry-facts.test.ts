import { describe, expect, it } from 'vitest';
import { registryFacts } from '../../../src/policy/check/registry-facts.js';
import { RegistryError, type RegisteredSchema, type RegistryClient } from '../../../src/registry/index.js';

const row = (subject: string, version: number, deleted = false): RegisteredSchema => ({ subject, version, id: version, schemaType: 'AVRO', schema: '"int"', references: [], deleted });
const notFound = (code: number) => new RegistryError('not found', { kind: 'not-found', code, httpStatus: 404 });

/** A plain-object client answering only what the facts ask, counting calls. */
function fakeClient(overrides: Partial<RegistryClient>): { client: RegistryClient; calls: string[] } {
  const calls: string[] = [];
  const handler: ProxyHandler<object> = {
    get: (_target, name: string) => {
      const own = (overrides as Record<string, unknown>)[name];
      if (typeof own !== 'function') return () => Promise.reject(new Error(`unexpected call ${name}`));
      return (...args: unknown[]) => {
        calls.push(name);
        return (own as (...a: unknown[]) => unknown)(...args);
      };
    },
  };
  return { client: new Proxy({}, handler) as RegistryClient, calls };
}

describe('registryFacts', () => {
  it('asks for each fact once per run', async () => {
    const { client, calls } = fakeClient({ getSubjectConfig: async () => ({ compatibilityLevel: 'FULL', raw: {} }) });
    const facts = registryFacts(client);
    expect(await Promise.all([facts.level('a'), facts.level('a')])).toEqual(['FULL', 'FULL']);
    expect(calls).toEqual(['getSubjectConfig']);
  });

  it('falls back to the global level on servers that answer 40401 for a subject without an override', async () => {
    const { client } = fakeClient({ getSubjectConfig: async () => undefined, getGlobalConfig: async () => ({ compatibilityLevel: 'NONE', raw: {} }) });
    expect(await registryFacts(client).level('a')).toBe('NONE');
  });

  it('refuses a config without a level as a malformed answer', async () => {
    const { client } = fakeClient({ getSubjectConfig: async () => ({ raw: {} }) });
    await expect(registryFacts(client).level('a')).rejects.toMatchObject({ kind: 'malformed-response' });
  });

  it('keeps only the exact subject from a prefix listing, live versions, oldest first', async () => {
    const { client } = fakeClient({ listSchemas: async () => [row('a', 2), row('ab', 1), row('a', 1), row('a', 3, true)] });
    expect((await registryFacts(client).versions('a')).map((v) => [v.subject, v.version])).toEqual([['a', 1], ['a', 2]]);
  });

  it('treats 40401/40402 on the latest version, and 40401 on the compatibility check, as nothing registered', async () => {
    const { client } = fakeClient({
      getVersion: async () => Promise.reject(notFound(40401)),
      checkCompatibility: async () => Promise.reject(notFound(40401)),
    });
    const facts = registryFacts(client);
    expect(await facts.latest('a')).toEqual([]);
    expect(await facts.check('a', { schema: '"int"' })).toEqual({ kind: 'new' });
  });
});
