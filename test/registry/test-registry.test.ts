/**
 * Pins the test registry to Confluent's documented behaviour, over plain HTTP (not our client):
 * the request/response examples of docs.confluent.io "Schema Registry API Usage Examples" and the
 * API reference, plus the rules of confluentinc/schema-registry's resources.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';

let sr: TestRegistry;

beforeEach(async () => {
  sr = await startTestRegistry();
});
afterEach(async () => {
  await sr.close();
});

interface Answer {
  status: number;
  body: unknown;
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${sr.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const STRING = { schema: '{"type": "string"}' };
const record = (...fields: [string, unknown][]) => ({
  schema: JSON.stringify({ type: 'record', name: 'User', fields: fields.map(([name, type]) => ({ name, type })) }),
});
const ok = (body: unknown) => ({ status: 200, body });
const error = (status: number, code: number, message: string | RegExp) => ({
  status,
  body: { error_code: code, message: typeof message === 'string' ? message : expect.stringMatching(message) },
});

describe('the usage examples of the Confluent documentation', () => {
  it('registers, lists, fetches, looks up and tests a schema', async () => {
    expect(await call('POST', '/subjects/Kafka-key/versions', STRING)).toMatchObject(ok({ id: 1 }));
    expect(await call('POST', '/subjects/Kafka-value/versions', STRING)).toMatchObject(ok({ id: 1 }));
    const subjects = await call('GET', '/subjects');
    expect((subjects.body as string[]).sort()).toEqual(['Kafka-key', 'Kafka-value']);
    expect(await call('GET', '/subjects/Kafka-value/versions')).toEqual(ok([1]));
    expect(await call('GET', '/schemas/ids/1')).toEqual(ok({ schema: '"string"' }));
    const v1 = { subject: 'Kafka-value', version: 1, id: 1, schema: '"string"' };
    expect(await call('GET', '/subjects/Kafka-value/versions/1')).toEqual(ok(v1));
    expect(await call('GET', '/subjects/Kafka-value/versions/latest')).toEqual(ok(v1));
    expect(await call('POST', '/subjects/Kafka-key', STRING)).toEqual(ok({ subject: 'Kafka-key', version: 1, id: 1, schema: '"string"' }));
    expect(await call('POST', '/compatibility/subjects/Kafka-value/versions/latest', STRING)).toEqual(ok({ is_compatible: true }));
    expect(await call('GET', '/schemas/types')).toEqual(ok(['JSON', 'PROTOBUF', 'AVRO']));
  });

  it('reads and updates compatibility config globally and per subject', async () => {
    await call('POST', '/subjects/Kafka-value/versions', STRING);
    expect(await call('GET', '/config')).toEqual(ok({ compatibilityLevel: 'BACKWARD' }));
    expect(await call('PUT', '/config', { compatibility: 'NONE' })).toEqual(ok({ compatibility: 'NONE' }));
    expect(await call('GET', '/config')).toEqual(ok({ compatibilityLevel: 'NONE' }));
    expect(await call('PUT', '/config/Kafka-value', { compatibility: 'BACKWARD' })).toEqual(ok({ compatibility: 'BACKWARD' }));
    expect(await call('GET', '/config/Kafka-value')).toEqual(ok({ compatibilityLevel: 'BACKWARD' }));
    expect(await call('PUT', '/config', { compatibility: 'SIDEWAYS' })).toEqual(
      error(422, 42203, /^Invalid compatibility level\. Valid values are none, backward/),
    );
  });

  it('deletes versions and subjects, returning what was deleted', async () => {
    await call('POST', '/subjects/Kafka-value/versions', STRING);
    expect(await call('DELETE', '/subjects/Kafka-value/versions/1')).toEqual(ok(1));
    expect(await call('POST', '/subjects/Kafka-value/versions', STRING)).toMatchObject(ok({ id: 1, version: 2 }));
    expect(await call('DELETE', '/subjects/Kafka-value/versions/latest')).toEqual(ok(2));
    expect(await call('POST', '/subjects/Kafka-value/versions', STRING)).toMatchObject(ok({ id: 1, version: 3 }));
    expect(await call('GET', '/schemas/ids/1')).toEqual(ok({ schema: '"string"' }));
    expect(await call('DELETE', '/subjects/Kafka-value')).toEqual(ok([3]));
    expect(await call('GET', '/subjects/Kafka-value/versions?deleted=true')).toEqual(ok([1, 2, 3]));
  });
});

describe('ids and versions', () => {
  it('shares an id between identical schemas and re-registering returns the existing version', async () => {
    const a = record(['id', 'int']);
    expect(await call('POST', '/subjects/a-value/versions', a)).toEqual(ok({ id: 1, version: 1 }));
    expect(await call('POST', '/subjects/b-value/versions', a)).toEqual(ok({ id: 1, version: 1 }));
    expect(await call('POST', '/subjects/a-value/versions', { schema: JSON.stringify(JSON.parse(a.schema), null, 2) })).toEqual(
      ok({ id: 1, version: 1 }),
    );
    expect(await call('POST', '/subjects/a-value/versions', record(['id', 'int'], ['note', ['null', 'string']]))).toEqual(
      error(409, 40901, /READER_FIELD_MISSING_DEFAULT_VALUE/),
    );
    const b = { schema: JSON.stringify({ type: 'record', name: 'User', fields: [{ name: 'id', type: 'int' }, { name: 'n', type: 'int', default: 0 }] }) };
    expect(await call('POST', '/subjects/a-value/versions', b)).toEqual(ok({ id: 2, version: 2 }));
  });

  it('answers unknown subjects, versions and ids with Confluent error bodies', async () => {
    await call('POST', '/subjects/s/versions', STRING);
    expect(await call('GET', '/subjects/missing/versions')).toEqual(error(404, 40401, "Subject 'missing' not found."));
    expect(await call('GET', '/subjects/s/versions/9')).toEqual(error(404, 40402, 'Version 9 not found.'));
    expect(await call('GET', '/subjects/s/versions/abc')).toEqual(
      error(422, 42202, 'The specified version \'abc\' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"'),
    );
    expect(await call('GET', '/subjects/s/versions/0')).toMatchObject({ status: 422 });
    expect(await call('GET', '/schemas/ids/77')).toEqual(error(404, 40403, 'Schema 77 not found'));
    expect(await call('POST', '/subjects/s', { schema: '"int"' })).toEqual(error(404, 40403, 'Schema not found'));
    expect(await call('POST', '/subjects/nope', STRING)).toEqual(error(404, 40401, "Subject 'nope' not found."));
    expect(await call('POST', '/subjects/s/versions', { schema: '{"type":' })).toMatchObject(error(422, 42201, /Invalid schema/));
    expect(await call('POST', '/subjects/s/versions', {})).toEqual(error(422, 42201, 'Empty schema'));
  });

  it('refuses a version that is not one more than the previous outside IMPORT', async () => {
    expect(await call('POST', '/subjects/s/versions', { ...STRING, version: 3 })).toEqual(
      error(422, 42201, 'Version is not one more than previous version'),
    );
  });
});

describe('compatibility', () => {
  const v1 = record(['id', 'int']);
  const v2 = record(['id', 'int'], ['email', 'string']);

  it('answers verbose checks in the CP 7.4 format, with the appendix', async () => {
    await call('POST', '/subjects/u/versions', v1);
    const answer = await call('POST', '/compatibility/subjects/u/versions?verbose=true', v2);
    expect(answer).toEqual(
      ok({
        is_compatible: false,
        messages: [
          "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}",
          '{oldSchemaVersion: 1}',
          `{oldSchema: '${JSON.stringify(JSON.parse(v1.schema))}'}`,
          "{validateFields: 'false', compatibility: 'BACKWARD'}",
        ],
      }),
    );
    expect(await call('POST', '/compatibility/subjects/u/versions', v2)).toEqual(ok({ is_compatible: false }));
    expect(await call('POST', '/compatibility/subjects/u/versions?verbose=true', v1)).toEqual(ok({ is_compatible: true, messages: [] }));
  });

  it('registers an incompatible schema as 409 with code 40901 and the same lines', async () => {
    await call('POST', '/subjects/u/versions', v1);
    const answer = await call('POST', '/subjects/u/versions', v2);
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      error_code: 40901,
      message: expect.stringMatching(
        /^Schema being registered is incompatible with an earlier schema for subject "u", details: \[\{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'.*\{oldSchemaVersion: 1\}, \{oldSchema: .*\{validateFields: 'false', compatibility: 'BACKWARD'\}\]$/,
      ),
    });
  });

  it('applies the subject level; FULL reports old-reads-new first and the appendix only after new-reads-old', async () => {
    await call('POST', '/subjects/u/versions', v1);
    await call('PUT', '/config/u', { compatibility: 'FULL' });
    const quoted = `{oldSchema: '${JSON.stringify(JSON.parse(v1.schema))}'}`;
    const retyped = record(['id', 'string']);
    const both = (await call('POST', '/compatibility/subjects/u/versions?verbose=true', retyped)).body as { messages: string[] };
    expect(both.messages.map((m) => m.replace(/ of a field.*/, ''))).toEqual([
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type')",
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type')",
      '{oldSchemaVersion: 1}',
      quoted,
      "{validateFields: 'false', compatibility: 'FULL'}",
    ]);
    expect(both.messages[0]).toContain('in the old schema does not match with the new schema');
    expect(both.messages[1]).toContain('in the new schema does not match with the old schema');
    const widened = record(['id', 'long']);
    const forwardOnly = (await call('POST', '/compatibility/subjects/u/versions?verbose=true', widened)).body as { messages: string[] };
    expect(forwardOnly.messages).toEqual([
      "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the old schema does not match with the new schema', additionalInfo:'reader type: INT not compatible with writer type: LONG'}",
      "{validateFields: 'false', compatibility: 'FULL'}",
    ]);
    await call('PUT', '/config/u', { compatibility: 'NONE' });
    expect(await call('POST', '/subjects/u/versions', widened)).toEqual(ok({ id: 2, version: 2 }));
  });

  it('checks one version on request; latest on an empty subject is compatible; unknown versions are 40402', async () => {
    expect(await call('POST', '/compatibility/subjects/none/versions/latest', v2)).toEqual(ok({ is_compatible: true }));
    await call('POST', '/subjects/u/versions', v1);
    expect(await call('POST', '/compatibility/subjects/u/versions/5', v2)).toEqual(error(404, 40402, 'Version 5 not found.'));
    expect(await call('POST', '/compatibility/subjects/u/versions/1?verbose=true', { schema: '{' })).toMatchObject(
      ok({ is_compatible: false, messages: [expect.stringMatching(/^Invalid schema/)] }),
    );
    expect(await call('POST', '/compatibility/subjects/u/versions/1', { schema: '{' })).toMatchObject({ status: 422 });
  });
});

describe('config and mode scopes', () => {
  it('answers 40408/40409 for a subject without override and the effective value with defaultToGlobal', async () => {
    await call('POST', '/subjects/s/versions', STRING);
    expect(await call('GET', '/config/s')).toEqual(error(404, 40408, "Subject 's' does not have subject-level compatibility configured"));
    expect(await call('GET', '/config/s?defaultToGlobal=true')).toEqual(ok({ compatibilityLevel: 'BACKWARD' }));
    expect(await call('GET', '/mode')).toEqual(ok({ mode: 'READWRITE' }));
    expect(await call('GET', '/mode/s')).toEqual(error(404, 40409, "Subject 's' does not have subject-level mode configured"));
    expect(await call('GET', '/mode/s?defaultToGlobal=true')).toEqual(ok({ mode: 'READWRITE' }));
    expect(await call('PUT', '/config/:.ctx:', { compatibility: 'FULL' })).toEqual(ok({ compatibility: 'FULL' }));
    expect(await call('GET', '/config/:.ctx:x?defaultToGlobal=true')).toEqual(ok({ compatibilityLevel: 'FULL' }));
    expect(await call('DELETE', '/config/s')).toEqual(error(404, 40401, "Subject 's' not found."));
    expect(await call('PUT', '/mode/s', { mode: 'FORWARD' })).toEqual(error(422, 42204, 'Forward mode only supported on global level'));
    expect(await call('PUT', '/mode', { mode: 'SIDEWAYS' })).toMatchObject(error(422, 42204, /^Invalid mode/));
  });

  it('refuses writes in READONLY mode but still answers reads and checks', async () => {
    await call('POST', '/subjects/s/versions', STRING);
    expect(await call('PUT', '/mode/s', { mode: 'READONLY' })).toEqual(ok({ mode: 'READONLY' }));
    const refused = error(422, 42205, 'Subject s in context . is in read-only mode');
    expect(await call('POST', '/subjects/s/versions', { schema: '"int"' })).toEqual(refused);
    expect(await call('DELETE', '/subjects/s')).toEqual(refused);
    expect(await call('PUT', '/config/s', { compatibility: 'NONE' })).toEqual(refused);
    expect(await call('POST', '/compatibility/subjects/s/versions', STRING)).toEqual(ok({ is_compatible: true }));
    expect(await call('DELETE', '/mode/s')).toEqual(ok({ mode: 'READONLY' }));
    expect(await call('POST', '/subjects/s/versions', STRING)).toEqual(ok({ id: 1, version: 1 }));
  });
});

describe('IMPORT mode', () => {
  it('accepts explicit ids and versions only in IMPORT, and no id-less registration there', async () => {
    expect(await call('POST', '/subjects/s/versions', { ...STRING, id: 42 })).toEqual(
      error(422, 42205, 'Subject s in context . is not in import mode'),
    );
    expect(await call('PUT', '/mode/s', { mode: 'IMPORT' })).toEqual(ok({ mode: 'IMPORT' }));
    expect(await call('POST', '/subjects/s/versions', { ...STRING, id: 42, version: 5 })).toEqual(ok({ id: 42, version: 5 }));
    expect(await call('POST', '/subjects/s/versions', { ...STRING, id: 42, version: 5 })).toEqual(ok({ id: 42, version: 5 }));
    expect(await call('POST', '/subjects/s/versions', { schema: '"int"', id: 42, version: 6 })).toEqual(
      error(422, 42205, 'Overwrite new schema with id 42 in context . is not permitted.'),
    );
    expect(await call('POST', '/subjects/s/versions', { schema: '"int"' })).toEqual(error(422, 42205, 'Subject s in context . is not in read-write mode'));
    await call('DELETE', '/mode/s');
    expect(await call('POST', '/subjects/t/versions', { schema: '"int"' })).toEqual(ok({ id: 43, version: 1 }));
  });

  it('needs an empty scope (or force) and hard-deletes soft-deleted versions on entry', async () => {
    await call('POST', '/subjects/live/versions', STRING);
    expect(await call('PUT', '/mode/live', { mode: 'IMPORT' })).toEqual(error(422, 42205, 'Cannot import since found existing subjects'));
    expect(await call('PUT', '/mode/live?force=true', { mode: 'IMPORT' })).toEqual(ok({ mode: 'IMPORT' }));
    await call('POST', '/subjects/gone/versions', STRING);
    await call('DELETE', '/subjects/gone');
    expect(await call('PUT', '/mode/gone', { mode: 'IMPORT' })).toEqual(ok({ mode: 'IMPORT' }));
    expect(await call('GET', '/subjects/gone/versions?deleted=true')).toEqual(error(404, 40401, "Subject 'gone' not found."));
    expect(await call('PUT', '/mode', { mode: 'IMPORT' })).toEqual(error(422, 42205, 'Cannot import since found existing subjects'));
  });

  it('skips the compatibility check in IMPORT', async () => {
    await call('PUT', '/mode/u', { mode: 'IMPORT' });
    await call('POST', '/subjects/u/versions', { ...record(['id', 'int']), id: 1, version: 1 });
    expect(await call('POST', '/subjects/u/versions', { ...record(['id', 'string']), id: 2, version: 3 })).toEqual(ok({ id: 2, version: 3 }));
  });
});

describe('deletes', () => {
  it('needs a soft delete before a hard delete and lists soft-deleted items with deleted=true', async () => {
    await call('POST', '/subjects/s/versions', STRING);
    await call('PUT', '/config/s', { compatibility: 'NONE' });
    await call('POST', '/subjects/s/versions', { schema: '"int"' });
    expect(await call('DELETE', '/subjects/s/versions/1?permanent=true')).toEqual(
      error(404, 40407, "Subject 's' Version 1 was not deleted first before being permanently deleted"),
    );
    expect(await call('DELETE', '/subjects/s/versions/1')).toEqual(ok(1));
    expect(await call('DELETE', '/subjects/s/versions/1')).toEqual(
      error(404, 40406, "Subject 's' Version 1 was soft deleted.Set permanent=true to delete permanently"),
    );
    expect(await call('GET', '/subjects/s/versions')).toEqual(ok([2]));
    expect(await call('GET', '/subjects/s/versions?deleted=true')).toEqual(ok([1, 2]));
    expect(await call('GET', '/subjects/s/versions/1?deleted=true')).toEqual(ok({ subject: 's', version: 1, id: 1, schema: '"string"', deleted: true }));
    expect(await call('GET', '/subjects/s/versions/1')).toEqual(error(404, 40402, 'Version 1 not found.'));
    expect(await call('DELETE', '/subjects/s?permanent=true')).toEqual(
      error(404, 40405, "Subject 's' was not deleted first before being permanently deleted"),
    );
    expect(await call('DELETE', '/subjects/s')).toEqual(ok([2]));
    expect(await call('DELETE', '/subjects/s')).toEqual(error(404, 40404, "Subject 's' was soft deleted.Set permanent=true to delete permanently"));
    expect(await call('GET', '/subjects')).toEqual(ok([]));
    expect(await call('GET', '/subjects?deleted=true')).toEqual(ok(['s']));
    expect(await call('DELETE', '/subjects/s?permanent=true')).toEqual(ok([1, 2]));
    expect(await call('GET', '/subjects?deleted=true')).toEqual(ok([]));
    expect(await call('GET', '/config/s')).toMatchObject({ status: 404, body: { error_code: 40408 } });
  });
});

describe('references', () => {
  const customer = { schema: JSON.stringify({ type: 'record', name: 'Customer', namespace: 'acme', fields: [{ name: 'id', type: 'long' }] }) };
  const order = (version: number) => ({
    schema: JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [{ name: 'customer', type: 'acme.Customer' }] }),
    references: [{ name: 'acme.Customer', subject: 'customer', version }],
  });

  it('resolves references, refuses missing ones (42201) and protects referenced versions (42206)', async () => {
    expect(await call('POST', '/subjects/order-value/versions', order(1))).toEqual(
      error(422, 42201, 'Invalid schema for subject "order-value", details: No schema reference found for subject "customer" and version 1'),
    );
    await call('POST', '/subjects/customer/versions', customer);
    expect(await call('POST', '/subjects/order-value/versions', order(1))).toEqual(ok({ id: 2, version: 1 }));
    expect(await call('GET', '/subjects/order-value/versions/1')).toMatchObject(
      ok({ references: [{ name: 'acme.Customer', subject: 'customer', version: 1 }] }),
    );
    expect(await call('DELETE', '/subjects/customer/versions/1')).toMatchObject(error(422, 42206, /^One or more references exist to the schema/));
    expect(await call('DELETE', '/subjects/customer')).toMatchObject({ status: 422, body: { error_code: 42206 } });
  });
});

describe('contexts', () => {
  it('keeps ids per context, lists qualified subjects and decodes encoded names', async () => {
    await call('POST', '/subjects/orders-value/versions', record(['id', 'int']));
    expect(await call('POST', `/subjects/${encodeURIComponent(':.staging:orders-value')}/versions`, STRING)).toEqual(ok({ id: 1, version: 1 }));
    expect(await call('GET', '/contexts')).toEqual(ok(['.', '.staging']));
    expect(await call('GET', '/subjects')).toEqual(ok([':.staging:orders-value', 'orders-value']));
    expect(await call('GET', `/subjects?subjectPrefix=${encodeURIComponent(':.staging:')}`)).toEqual(ok([':.staging:orders-value']));
    expect(await call('GET', '/schemas/ids/1?subject=:.staging:orders-value')).toEqual(ok({ schema: '"string"' }));
    expect(await call('GET', '/schemas/ids/1')).toMatchObject(ok({ schema: expect.stringContaining('"record"') }));
    expect(await call('GET', '/subjects/:.staging:orders-value/versions/1')).toEqual(
      ok({ subject: ':.staging:orders-value', version: 1, id: 1, schema: '"string"' }),
    );
  });
});

describe('paging', () => {
  it('caps /schemas at 1,000 rows and answers a larger limit with the default', async () => {
    await call('PUT', '/config', { compatibility: 'NONE' });
    for (let i = 0; i < 1001; i++) sr.seed(`s${String(i).padStart(4, '0')}`, { schema: `{"type":"fixed","name":"F","size":${i + 1}}` });
    expect(sr.requests).toHaveLength(1);
    const rows = (q: string) => call('GET', `/schemas${q}`).then((a) => (a.body as unknown[]).length);
    expect(await rows('')).toBe(1000);
    expect(await rows('?limit=5000')).toBe(1000);
    expect(await rows('?offset=1000&limit=1000')).toBe(1);
    expect(await rows('?limit=10')).toBe(10);
    expect((await call('GET', '/subjects')).body).toHaveLength(1001);
    expect((await call('GET', '/subjects?offset=1000&limit=5')).body).toEqual(['s1000']);
  });
});

describe('fault injection and counting', () => {
  it('injects statuses, rate limits, drops and hangs, and counts requests per route and path', async () => {
    sr.faults.next(1, { kind: 'status', status: 503 });
    sr.faults.add({ method: 'GET', path: '/config', times: 1, fault: { kind: 'rate-limit', retryAfter: '3' } });
    sr.faults.add({ path: /^\/mode$/, times: 1, fault: { kind: 'drop' } });
    sr.faults.add({ path: '/contexts', times: 1, fault: { kind: 'hang' } });
    expect(await call('GET', '/subjects')).toEqual(error(503, 503, 'Injected fault: HTTP 503'));
    const limited = await fetch(`${sr.url}/config`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    await expect(fetch(`${sr.url}/mode`)).rejects.toThrow();
    await expect(fetch(`${sr.url}/contexts`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(await call('GET', '/subjects')).toEqual(ok([]));
    expect(sr.countByRoute()).toEqual({ 'GET /subjects': 2, 'GET /config': 1, 'GET /mode': 1, 'GET /contexts': 1 });
    expect(sr.countByPath()['GET /subjects']).toBe(2);
    sr.resetCounts();
    expect(sr.requests).toHaveLength(0);
  });

  it('requires credentials when configured', async () => {
    const secured = await startTestRegistry({ auth: { type: 'basic', username: 'key', password: 'secret' } });
    try {
      const anonymous = await fetch(`${secured.url}/subjects`);
      expect([anonymous.status, await anonymous.json()]).toEqual([401, { error_code: 401, message: 'Unauthorized' }]);
      const signedIn = await fetch(`${secured.url}/subjects`, { headers: { Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` } });
      expect(signedIn.status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});
