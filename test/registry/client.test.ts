/** Every endpoint of the registry client against the test registry. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configToUpdate, createRegistryClient, RegistryError, type RegistryClientHandle } from '../../src/registry/index.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

let sr: TestRegistry;
let client: RegistryClientHandle;

const noWait = { sleep: async () => {}, random: () => 0.5 };

beforeEach(async () => {
  sr = await startTestRegistry();
  client = createRegistryClient({ url: sr.url }, noWait);
});
afterEach(async () => {
  client.close();
  await sr.close();
});

const user = (...fields: [string, unknown, unknown?][]) =>
  JSON.stringify({
    type: 'record',
    name: 'User',
    fields: fields.map(([name, type, dflt]) => (dflt === undefined ? { name, type } : { name, type, default: dflt })),
  });

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

describe('reading', () => {
  it('lists subjects, versions and contexts, with soft-deleted ones on request', async () => {
    await client.register('a-value', { schema: user(['id', 'int']) });
    await client.register('a-value', { schema: user(['id', 'int'], ['n', 'int', 0]) });
    await client.register(':.staging:b-value', { schema: '"string"' });
    await client.deleteVersion('a-value', 1);
    expect(await client.listContexts()).toEqual(['.', '.staging']);
    expect(await client.listSubjects()).toEqual([':.staging:b-value', 'a-value']);
    expect(await client.listSubjects({ subjectPrefix: ':.staging:' })).toEqual([':.staging:b-value']);
    expect(await client.listVersions('a-value')).toEqual([2]);
    expect(await client.listVersions('a-value', { deleted: true })).toEqual([1, 2]);
    await client.deleteSubject(':.staging:b-value');
    expect(await client.listSubjects()).toEqual(['a-value']);
    expect(await client.listSubjects({ deleted: true })).toEqual([':.staging:b-value', 'a-value']);
    expect(await client.listSubjects({ deletedOnly: true })).toEqual([':.staging:b-value']);
  });

  it('reads one version, the latest, and a soft-deleted one', async () => {
    await client.register('a-value', { schema: user(['id', 'int']) });
    const latest = await client.getVersion('a-value', 'latest');
    expect(latest).toEqual({
      subject: 'a-value',
      version: 1,
      id: 1,
      schemaType: 'AVRO',
      schema: user(['id', 'int']),
      references: [],
      deleted: false,
    });
    await client.register('a-value', { schema: user(['id', 'int'], ['n', 'int', 0]) });
    await client.deleteVersion('a-value', 1);
    expect(await client.getVersion('a-value', 1, { deleted: true })).toMatchObject({ version: 1, deleted: true });
    const error = await rejection(client.getVersion('a-value', 1));
    expect(error).toMatchObject({ kind: 'not-found', code: 40402, httpStatus: 404, subject: 'a-value', version: 1 });
    await client.deleteVersion('a-value', 2);
    // With no live version left the registry says the subject, not the version, is missing.
    expect(await rejection(client.getVersion('a-value', 1))).toMatchObject({ code: 40401 });
  });

  it('reads a schema by id in the context of a subject, with the highest id', async () => {
    await client.register('a-value', { schema: user(['id', 'int']) });
    await client.register(':.eu:a-value', { schema: '"string"' });
    expect(await client.getSchemaById(1)).toMatchObject({ id: 1, schemaType: 'AVRO', schema: user(['id', 'int']) });
    expect(await client.getSchemaById(1, { subject: ':.eu:a-value', fetchMaxId: true })).toEqual({
      id: 1,
      schemaType: 'AVRO',
      schema: '"string"',
      references: [],
      maxId: 1,
    });
    expect(await rejection(client.getSchemaById(9))).toMatchObject({ kind: 'not-found', code: 40403 });
  });

  it('pages through /schemas past the 1,000-row cap', async () => {
    await client.setGlobalConfig({ compatibility: 'NONE' });
    for (let i = 0; i < 1001; i++) sr.seed(`s${String(i).padStart(4, '0')}`, { schema: `{"type":"fixed","name":"F","size":${i + 1}}` });
    sr.resetCounts();
    const rows = await client.listSchemas();
    expect(rows).toHaveLength(1001);
    expect(new Set(rows.map((r) => r.subject)).size).toBe(1001);
    expect(sr.requests.map((r) => r.query)).toEqual(['?offset=0&limit=1000', '?offset=1000&limit=1000']);
  });

  it('follows a server whose page cap is below the page size asked for', async () => {
    const capped = await startTestRegistry({
      limits: { schemas: { defaultLimit: 100, maxLimit: 100 }, subjects: { defaultLimit: 40, maxLimit: 40 } },
    });
    const c = createRegistryClient({ url: capped.url, pageSize: 1000 }, noWait);
    try {
      for (let i = 0; i < 250; i++) capped.seed(`s${String(i).padStart(3, '0')}`, { schema: '"string"' });
      expect(await c.listSchemas()).toHaveLength(250);
      expect(capped.countByRoute()['GET /schemas']).toBe(3);
      expect(await c.listSubjects()).toHaveLength(250);
      expect(capped.countByRoute()['GET /subjects']).toBe(7);
    } finally {
      c.close();
      await capped.close();
    }
  });

  it('filters /schemas by prefix, deleted and latestOnly', async () => {
    await client.register('a-value', { schema: user(['id', 'int']) });
    await client.register('a-value', { schema: user(['id', 'int'], ['n', 'int', 0]) });
    await client.register('b-value', { schema: '"string"' });
    await client.deleteVersion('b-value', 1);
    expect((await client.listSchemas()).map((s) => `${s.subject}/${s.version}`)).toEqual(['a-value/1', 'a-value/2']);
    expect((await client.listSchemas({ deleted: true })).map((s) => [s.subject, s.deleted])).toEqual([
      ['a-value', false],
      ['a-value', false],
      ['b-value', true],
    ]);
    expect((await client.listSchemas({ latestOnly: true, subjectPrefix: 'a-' })).map((s) => s.version)).toEqual([2]);
  });
});

describe('config and mode', () => {
  it('returns undefined for a subject without override and the effective value with defaultToGlobal', async () => {
    expect(await client.getGlobalConfig()).toEqual({ compatibilityLevel: 'BACKWARD', raw: { compatibilityLevel: 'BACKWARD' } });
    expect(await client.getSubjectConfig('a-value')).toBeUndefined();
    expect(await client.getSubjectConfig('a-value', { defaultToGlobal: true })).toMatchObject({ compatibilityLevel: 'BACKWARD' });
    expect(await client.getGlobalMode()).toBe('READWRITE');
    expect(await client.getSubjectMode('a-value')).toBeUndefined();
    expect(await client.getSubjectMode('a-value', { defaultToGlobal: true })).toBe('READWRITE');
  });

  it('treats 40401 on config and mode (servers before CP 7.0) as no override', async () => {
    sr.faults.add({ path: '/config/old', fault: { kind: 'status', status: 404, body: { error_code: 40401, message: "Subject 'old' not found." } } });
    sr.faults.add({ path: '/mode/old', fault: { kind: 'status', status: 404, body: { error_code: 40401, message: "Subject 'old' not found." } } });
    expect(await client.getSubjectConfig('old')).toBeUndefined();
    expect(await client.getSubjectMode('old')).toBeUndefined();
  });

  it('writes, reads back and deletes subject and context overrides', async () => {
    expect(await client.setSubjectConfig('a-value', { compatibility: 'FULL_TRANSITIVE', normalize: true })).toEqual({
      compatibility: 'FULL_TRANSITIVE',
      normalize: true,
    });
    const config = await client.getSubjectConfig('a-value');
    expect(config).toEqual({
      compatibilityLevel: 'FULL_TRANSITIVE',
      normalize: true,
      raw: { compatibilityLevel: 'FULL_TRANSITIVE', normalize: true },
    });
    await client.setSubjectConfig(':.staging:', configToUpdate(config ?? { raw: {} }));
    expect(await client.getSubjectConfig(':.staging:x', { defaultToGlobal: true })).toMatchObject({ compatibilityLevel: 'FULL_TRANSITIVE' });
    await client.deleteSubjectConfig('a-value');
    expect(await client.getSubjectConfig('a-value')).toBeUndefined();
    expect(await client.setGlobalConfig({ compatibility: 'NONE' })).toEqual({ compatibility: 'NONE' });
    expect(await client.getGlobalConfig()).toMatchObject({ compatibilityLevel: 'NONE' });
  });

  it('sets modes, with force for IMPORT into a non-empty subject', async () => {
    await client.register('a-value', { schema: '"string"' });
    const refused = await rejection(client.setSubjectMode('a-value', 'IMPORT'));
    expect(refused).toMatchObject({ kind: 'invalid-request', code: 42205, serverMessage: 'Cannot import since found existing subjects' });
    expect(await client.setSubjectMode('a-value', 'IMPORT', { force: true })).toBe('IMPORT');
    expect(await client.getSubjectMode('a-value')).toBe('IMPORT');
    await client.deleteSubjectMode('a-value');
    expect(await client.getSubjectMode('a-value')).toBeUndefined();
    expect(await client.setGlobalMode('READONLY')).toBe('READONLY');
    expect(await rejection(client.register('b-value', { schema: '"int"' }))).toMatchObject({ kind: 'invalid-request', code: 42205 });
  });
});

describe('schemas', () => {
  it('checks compatibility against all versions or one, parsing the verbose messages', async () => {
    await client.register('u', { schema: user(['id', 'int']) });
    const result = await client.checkCompatibility('u', { schema: user(['id', 'int'], ['email', 'string']) });
    expect(result).toMatchObject({ compatible: false, compatibility: 'BACKWARD' });
    expect(result.messages).toHaveLength(4);
    expect(result.incompatibilities).toEqual([
      expect.objectContaining({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: '/fields/1', message: 'email', oldSchemaVersion: 1 }),
    ]);
    expect(await client.checkCompatibility('u', { schema: user(['id', 'int']) }, { version: 1 })).toEqual({
      compatible: true,
      messages: [],
      incompatibilities: [],
    });
    expect(sr.requests.at(-1)?.query).toBe('?verbose=true');
    expect((await client.checkCompatibility('u', { schema: user(['id', 'string']) }, { verbose: false })).messages).toEqual([]);
  });

  it('looks a schema up under a subject', async () => {
    await client.register('u', { schema: user(['id', 'int']) });
    expect(await client.lookupSchema('u', { schema: user(['id', 'int']) })).toMatchObject({ subject: 'u', version: 1, id: 1 });
    expect(await client.lookupSchema('u', { schema: '"int"' })).toBeUndefined();
    expect(await client.lookupSchema('nobody', { schema: '"int"' })).toBeUndefined();
    await client.deleteSubject('u');
    expect(await client.lookupSchema('u', { schema: user(['id', 'int']) })).toBeUndefined();
    expect(await client.lookupSchema('u', { schema: user(['id', 'int']) }, { deleted: true })).toMatchObject({ deleted: true });
  });

  it('registers with references, and in IMPORT with explicit id and version', async () => {
    const customer = JSON.stringify({ type: 'record', name: 'Customer', namespace: 'acme', fields: [{ name: 'id', type: 'long' }] });
    await client.register('customer', { schema: customer });
    const order = JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [{ name: 'c', type: 'acme.Customer' }] });
    const references = [{ name: 'acme.Customer', subject: 'customer', version: 1 }];
    expect(await client.register('order-value', { schema: order, references })).toEqual({ id: 2, version: 1 });
    expect((await client.getVersion('order-value', 1)).references).toEqual(references);

    await client.setSubjectMode('restored', 'IMPORT');
    expect(await client.register('restored', { schema: '"string"', id: 100, version: 7 }, { normalize: false })).toEqual({ id: 100, version: 7 });
    expect(sr.requests.at(-1)?.query).toBe('?normalize=false');
  });

  it('raises typed errors for invalid and incompatible schemas', async () => {
    const invalid = await rejection(client.register('u', { schema: '{"type":"record"' }));
    expect(invalid).toMatchObject({ kind: 'invalid-request', code: 42201, subject: 'u', endpoint: 'POST /subjects/{subject}/versions' });
    await client.register('u', { schema: user(['id', 'int']) });
    const incompatible = await rejection(client.register('u', { schema: user(['id', 'string']) }));
    expect(incompatible).toMatchObject({ kind: 'incompatible', code: 40901, httpStatus: 409 });
    expect(incompatible.incompatibilities).toEqual([expect.objectContaining({ type: 'TYPE_MISMATCH', location: '/fields/0/type', oldSchemaVersion: 1 })]);
    expect(incompatible.message).toMatch(
      /^Schema Registry: schema is incompatible with version 1: TYPE_MISMATCH at \/fields\/0\/type \(reader type: STRING not compatible with writer type: INT\) \(40901\)/,
    );
  });

  it('accepts the pre-8.0.4 error code 409 for an incompatible schema', async () => {
    const legacy = 'Schema being registered is incompatible with an earlier schema for subject "u", details: [Incompatibility{type:NAME_MISMATCH, location:/name, message:expected: User, reader:{}, writer:{}}]';
    sr.faults.next(1, { kind: 'status', status: 409, body: { error_code: 409, message: legacy } });
    const error = await rejection(client.register('u', { schema: '"string"' }));
    expect(error).toMatchObject({ kind: 'incompatible', code: 409 });
    expect(error.incompatibilities).toEqual([{ type: 'NAME_MISMATCH', location: '/name', message: 'expected: User', format: 'pre-7.4' }]);
  });
});

describe('deleting', () => {
  it('soft-deletes then hard-deletes versions and subjects', async () => {
    await client.setGlobalConfig({ compatibility: 'NONE' });
    await client.register('s', { schema: '"string"' });
    await client.register('s', { schema: '"int"' });
    expect(await rejection(client.deleteVersion('s', 1, { permanent: true }))).toMatchObject({ kind: 'not-found', code: 40407 });
    expect(await client.deleteVersion('s', 1)).toBe(1);
    expect(await client.deleteVersion('s', 1, { permanent: true })).toBe(1);
    expect(await rejection(client.deleteSubject('s', { permanent: true }))).toMatchObject({ code: 40405 });
    expect(await client.deleteSubject('s')).toEqual([2]);
    expect(await rejection(client.deleteSubject('s'))).toMatchObject({ code: 40404 });
    expect(await client.deleteSubject('s', { permanent: true })).toEqual([2]);
    expect(await rejection(client.listVersions('s', { deleted: true }))).toMatchObject({ kind: 'not-found', code: 40401 });
  });
});

describe('subject names in paths', () => {
  it('round-trips names with reserved characters and contexts', async () => {
    const names = ['a/b', 'with space', 'q?x#y', '100%', ':.ctx:a/b', 'a..b', 'ünïcode'];
    for (const name of names) {
      await client.register(name, { schema: '"string"' });
      expect((await client.getVersion(name, 'latest')).subject).toBe(name);
    }
    expect(sr.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(names.map((n) => `/subjects/${n}/versions`));
    expect(await client.listSubjects()).toEqual(expect.arrayContaining(names));
  });

  it('refuses the names . and .. before sending, since URL parsing would drop them', async () => {
    sr.resetCounts();
    await expect(client.getVersion('..', 1)).rejects.toThrow(/subject '\.\.' cannot be addressed in a URL path/);
    await expect(client.register('.', { schema: '"string"' })).rejects.toBeInstanceOf(RegistryError);
    expect(sr.requests).toHaveLength(0);
  });
});
