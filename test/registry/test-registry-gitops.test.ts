/**
 * The parts of the test registry that `register` and `drift` lean on: Confluent's canonical Avro
 * text (key order, `{"type":"string"}` as `"string"`), compatibilityGroup and metadata inheritance,
 * and the id/referencedby reads, each answer checked against the shape Confluent's OpenAPI
 * description gives it (/work/shared/specs/confluent-schema-registry-api-spec.yaml, vendored below
 * as the few response schemas these endpoints declare).
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

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sr.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The 200 and error response schemas of the spec for the endpoints under test. */
type Shape = { type: 'array'; items: 'integer' | 'string' } | { type: 'string' } | { type: 'error' };
const SPEC: Record<string, Record<number, Shape>> = {
  'GET /schemas/ids/{id}/subjects': { 200: { type: 'array', items: 'string' }, 404: { type: 'error' } },
  'GET /schemas/ids/{id}/schema': { 200: { type: 'string' }, 404: { type: 'error' } },
  'GET /subjects/{subject}/versions/{version}/referencedby': {
    200: { type: 'array', items: 'integer' },
    404: { type: 'error' },
    422: { type: 'error' },
  },
};

function conforms(operation: string, answer: { status: number; body: unknown }): boolean {
  const shape = SPEC[operation]?.[answer.status];
  if (!shape) return false;
  const b = answer.body;
  switch (shape.type) {
    case 'array':
      return Array.isArray(b) && b.every((x) => (shape.items === 'integer' ? Number.isInteger(x) : typeof x === 'string'));
    case 'string':
      return typeof b === 'string';
    case 'error': {
      const e = b as { error_code?: unknown; message?: unknown };
      return Number.isInteger(e.error_code) && typeof e.message === 'string';
    }
  }
}

const user = (fields: object[]) => ({ type: 'record', name: 'User', namespace: 'acme', fields });

describe('canonical Avro text', () => {
  it('registers a schema with its keys reordered under the existing id and version', async () => {
    const a = await call('POST', '/subjects/u-value/versions', {
      schema: JSON.stringify(user([{ name: 'id', type: { type: 'string' }, doc: 'the id' }])),
    });
    const reordered = '{"fields":[{"doc":"the id","type":"string","name":"id"}],"namespace":"acme","name":"User","type":"record"}';
    const b = await call('POST', '/subjects/u-value/versions', { schema: reordered });
    expect(b).toEqual(a);
    expect(await call('GET', '/subjects/u-value/versions')).toEqual({ status: 200, body: [1] });
    const stored = (await call('GET', '/subjects/u-value/versions/1')).body as { schema: string };
    expect(stored.schema).toBe('{"type":"record","name":"User","namespace":"acme","fields":[{"name":"id","type":"string","doc":"the id"}]}');
    expect(await call('POST', '/subjects/u-value', { schema: reordered })).toMatchObject({ status: 200, body: { version: 1 } });
  });

  it('keeps custom properties and field order significant', async () => {
    await call('POST', '/subjects/u-value/versions', { schema: JSON.stringify(user([{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }])) });
    const swapped = await call('POST', '/subjects/u-value', { schema: JSON.stringify(user([{ name: 'b', type: 'int' }, { name: 'a', type: 'int' }])) });
    expect(swapped.status).toBe(404);
  });
});

describe('compatibilityGroup and metadata', () => {
  it('compares a new version only with versions of the same group value, and inherits metadata', async () => {
    await call('PUT', '/config/u-value', { compatibility: 'BACKWARD', compatibilityGroup: 'major_version' });
    const v1 = { schema: JSON.stringify(user([{ name: 'id', type: 'string' }])), metadata: { properties: { major_version: '1' } } };
    expect((await call('POST', '/subjects/u-value/versions', v1)).status).toBe(200);
    const breaking = JSON.stringify(user([{ name: 'id', type: 'long' }]));
    expect(await call('POST', '/subjects/u-value/versions', { schema: breaking })).toMatchObject({ status: 409, body: { error_code: 40901 } });
    const v2 = await call('POST', '/subjects/u-value/versions', { schema: breaking, metadata: { properties: { major_version: '2' } } });
    expect(v2).toMatchObject({ status: 200, body: { version: 2 } });
    const plain = JSON.stringify(user([{ name: 'id', type: 'long' }, { name: 'x', type: ['null', 'int'], default: null }]));
    await call('POST', '/subjects/u-value/versions', { schema: plain });
    const latest = (await call('GET', '/subjects/u-value/versions/latest')).body as { metadata?: unknown };
    expect(latest.metadata).toEqual({ properties: { major_version: '2' } });
  });
});

describe('reads by id and referencedby, as the spec describes them', () => {
  const address = { type: 'record', name: 'Address', namespace: 'acme', fields: [{ name: 'city', type: 'string' }] };
  const withAddress = { ...user([{ name: 'home', type: 'acme.Address' }]) };

  async function seed(): Promise<{ addressId: number; userId: number }> {
    const a = (await call('POST', '/subjects/address/versions', { schema: JSON.stringify(address) })).body as { id: number };
    await call('POST', '/subjects/other-value/versions', { schema: JSON.stringify(address) });
    const u = (await call('POST', '/subjects/u-value/versions', {
      schema: JSON.stringify(withAddress),
      references: [{ name: 'acme.Address', subject: 'address', version: 1 }],
    })).body as { id: number };
    return { addressId: a.id, userId: u.id };
  }

  it('GET /schemas/ids/{id}/subjects lists every subject carrying the id', async () => {
    const { addressId } = await seed();
    const answer = await call('GET', `/schemas/ids/${addressId}/subjects`);
    expect(answer).toEqual({ status: 200, body: ['address', 'other-value'] });
    expect(conforms('GET /schemas/ids/{id}/subjects', answer)).toBe(true);
    await call('DELETE', '/subjects/other-value');
    expect((await call('GET', `/schemas/ids/${addressId}/subjects`)).body).toEqual(['address']);
    expect((await call('GET', `/schemas/ids/${addressId}/subjects?deleted=true`)).body).toEqual(['address', 'other-value']);
    const missing = await call('GET', '/schemas/ids/99/subjects');
    expect(missing).toMatchObject({ status: 404, body: { error_code: 40403 } });
    expect(conforms('GET /schemas/ids/{id}/subjects', missing)).toBe(true);
  });

  it('GET /schemas/ids/{id}/schema returns the raw schema', async () => {
    const s = (await call('POST', '/subjects/s-value/versions', { schema: '{"type": "string"}' })).body as { id: number };
    const answer = await call('GET', `/schemas/ids/${s.id}/schema`);
    expect(answer).toEqual({ status: 200, body: 'string' });
    expect(conforms('GET /schemas/ids/{id}/schema', answer)).toBe(true);
    const { userId } = await seed();
    expect((await call('GET', `/schemas/ids/${userId}/schema`)).body).toEqual({
      type: 'record',
      name: 'User',
      namespace: 'acme',
      fields: [{ name: 'home', type: 'acme.Address' }],
    });
    const missing = await call('GET', '/schemas/ids/99/schema');
    expect(missing).toMatchObject({ status: 404, body: { error_code: 40403 } });
    expect(conforms('GET /schemas/ids/{id}/schema', missing)).toBe(true);
  });

  it('GET /subjects/{s}/versions/{v}/referencedby lists the referring ids', async () => {
    const { userId } = await seed();
    const op = 'GET /subjects/{subject}/versions/{version}/referencedby';
    const answer = await call('GET', '/subjects/address/versions/1/referencedby');
    expect(answer).toEqual({ status: 200, body: [userId] });
    expect(conforms(op, answer)).toBe(true);
    expect((await call('GET', '/subjects/address/versions/latest/referencedby')).body).toEqual([userId]);
    expect((await call('GET', '/subjects/u-value/versions/1/referencedby')).body).toEqual([]);
    await call('DELETE', '/subjects/u-value');
    expect((await call('GET', '/subjects/address/versions/1/referencedby')).body).toEqual([]);
    expect((await call('GET', '/subjects/address/versions/1/referencedby?deleted=true')).body).toEqual([userId]);
    for (const [path, status, code] of [
      ['/subjects/nope/versions/1/referencedby', 404, 40401],
      ['/subjects/address/versions/7/referencedby', 404, 40402],
      ['/subjects/address/versions/abc/referencedby', 422, 42202],
    ] as const) {
      const bad = await call('GET', path);
      expect(bad).toMatchObject({ status, body: { error_code: code } });
      expect(conforms(op, bad)).toBe(true);
    }
  });
});
