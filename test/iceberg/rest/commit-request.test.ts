/**
 * The CommitTableRequest built from a base and a next metadata document: every ref of the base pinned, refs and
 * snapshots removed as updates, statistics of removed snapshots removed, 64-bit ids written exactly, and a
 * change the REST updates cannot express refused before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { judgeReloaded } from '../../../src/iceberg/catalog/rest/commit-outcome.js';
import { commitRequest } from '../../../src/iceberg/catalog/rest/commit-request.js';
import { wireJson } from '../../../src/iceberg/catalog/rest/wire-json.js';
import { type JsonObject, parseMetadataBytes } from '../../../src/iceberg/metadata/json.js';
import { OpenApiValidator, SPEC_PRESENT } from '../../support/iceberg-rest/openapi.js';

const BIG = '9158179788527662767';
const MID = '6085737399650530681';
const OLD = '4008342791228255080';

function doc(text: string): JsonObject {
  return parseMetadataBytes(Buffer.from(text), 'base.metadata.json');
}

const snapshot = (id: string, ts: number) => `{"snapshot-id": ${id}, "timestamp-ms": ${ts}, "manifest-list": "s3://b/t/metadata/snap-${id}.avro"}`;
const base = doc(`{
  "format-version": 2, "table-uuid": "5f8f6d5e-2b1c-4c3a-9d6e-0a1b2c3d4e5f", "location": "s3://b/t", "last-updated-ms": 3000,
  "current-snapshot-id": ${BIG},
  "refs": {"main": {"snapshot-id": ${BIG}, "type": "branch"}, "audit": {"snapshot-id": ${OLD}, "type": "tag", "max-ref-age-ms": 1}},
  "snapshots": [${snapshot(OLD, 1000)}, ${snapshot(MID, 2000)}, ${snapshot(BIG, 3000)}],
  "statistics": [{"snapshot-id": ${OLD}, "statistics-path": "s3://b/t/metadata/old.stats", "file-size-in-bytes": 1, "file-footer-size-in-bytes": 1, "blob-metadata": []}],
  "partition-statistics": [{"snapshot-id": ${MID}, "statistics-path": "s3://b/t/metadata/mid.parquet", "file-size-in-bytes": 1}],
  "snapshot-log": [], "metadata-log": [], "properties": {"k": "v"}
}`);
const next = doc(`{
  "format-version": 2, "table-uuid": "5f8f6d5e-2b1c-4c3a-9d6e-0a1b2c3d4e5f", "location": "s3://b/t", "last-updated-ms": 4000,
  "current-snapshot-id": ${BIG},
  "refs": {"main": {"snapshot-id": ${BIG}, "type": "branch"}},
  "snapshots": [${snapshot(BIG, 3000)}],
  "statistics": [], "partition-statistics": [],
  "snapshot-log": [], "metadata-log": [{"timestamp-ms": 3000, "metadata-file": "base.metadata.json"}], "properties": {"k": "v"}
}`);

describe('the REST commit request of an expiration', () => {
  it('pins the table and every ref of the base, then removes the dropped ref, the snapshots and their statistics', () => {
    const request = commitRequest(base, next, 'base.metadata.json');
    const wire = JSON.parse(wireJson(request).replace(/(\d{16,})/g, '"$1"')) as unknown;
    expect(wire).toEqual({
      requirements: [
        { type: 'assert-table-uuid', uuid: '5f8f6d5e-2b1c-4c3a-9d6e-0a1b2c3d4e5f' },
        { type: 'assert-ref-snapshot-id', ref: 'audit', 'snapshot-id': OLD },
        { type: 'assert-ref-snapshot-id', ref: 'main', 'snapshot-id': BIG },
      ],
      updates: [
        { action: 'remove-snapshot-ref', 'ref-name': 'audit' },
        { action: 'remove-snapshots', 'snapshot-ids': [OLD, MID] },
        { action: 'remove-statistics', 'snapshot-id': OLD },
        { action: 'remove-partition-statistics', 'snapshot-id': MID },
      ],
    });
    expect(wireJson(request)).toContain(`"snapshot-ids":[${OLD},${MID}]`);
  });

  it.skipIf(!SPEC_PRESENT)('is a valid CommitTableRequest of the OpenAPI description', () => {
    const validator = OpenApiValidator.load();
    const requestBody = JSON.parse(wireJson(commitRequest(base, next, 'base.metadata.json'))) as unknown;
    expect(validator.violations({ method: 'POST', path: '/v1/wh/namespaces/web/tables/t', query: new Map(), headers: {}, contentType: 'application/json', requestBody, status: 200, responseBody: { 'metadata-location': 's3://b/t/metadata/00001-x.metadata.json', metadata: { 'format-version': 2, 'table-uuid': 'u' } } })).toEqual([]);
  });

  it('pins main at the current snapshot for a v1 document without refs', () => {
    const v1 = doc(`{"format-version": 1, "table-uuid": "u", "location": "l", "last-updated-ms": 1, "current-snapshot-id": ${BIG}, "snapshots": [${snapshot(OLD, 1)}, ${snapshot(BIG, 2)}]}`);
    const after = doc(`{"format-version": 1, "table-uuid": "u", "location": "l", "last-updated-ms": 2, "current-snapshot-id": ${BIG}, "snapshots": [${snapshot(BIG, 2)}], "metadata-log": []}`);
    const request = commitRequest(v1, after, 'v1.metadata.json');
    expect(wireJson(request.requirements)).toBe(`[{"type":"assert-table-uuid","uuid":"u"},{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":${BIG}}]`);
    expect(wireJson(request.updates)).toBe(`[{"action":"remove-snapshots","snapshot-ids":[${OLD}]}]`);
  });

  it('removes unused partition specs and schemas with their requirements', () => {
    const withSpecs = doc(`{"format-version": 2, "table-uuid": "u", "location": "l", "last-updated-ms": 1, "current-snapshot-id": -1, "default-spec-id": 1, "current-schema-id": 2,
      "partition-specs": [{"spec-id": 0, "fields": []}, {"spec-id": 1, "fields": []}], "schemas": [{"schema-id": 1}, {"schema-id": 2}], "snapshots": []}`);
    const trimmed = doc(`{"format-version": 2, "table-uuid": "u", "location": "l", "last-updated-ms": 2, "current-snapshot-id": -1, "default-spec-id": 1, "current-schema-id": 2,
      "partition-specs": [{"spec-id": 1, "fields": []}], "schemas": [{"schema-id": 2}], "snapshots": []}`);
    const request = commitRequest(withSpecs, trimmed, 'm.json');
    expect(wireJson(request.updates)).toBe('[{"action":"remove-partition-specs","spec-ids":[0]},{"action":"remove-schemas","schema-ids":[1]}]');
    expect(wireJson(request.requirements)).toBe('[{"type":"assert-table-uuid","uuid":"u"},{"type":"assert-default-spec-id","default-spec-id":1},{"type":"assert-current-schema-id","current-schema-id":2}]');
  });

  it('refuses a change no REST update expresses, naming the field', () => {
    const changed = { ...next, properties: { k: 'w' } };
    expect(() => commitRequest(base, changed, 'base.metadata.json')).toThrow(/base\.metadata\.json: the change to "properties" has no REST catalog update/);
  });
});

describe('judging a commit without a definite answer from the reloaded table', () => {
  const committed = { location: 'new.metadata.json', metadata: next };
  it('is not applied while the table is still at the base', () => {
    expect(judgeReloaded({ location: 'base.metadata.json', metadata: base }, 'base.metadata.json', next)).toEqual({ outcome: 'not-applied', location: undefined });
  });
  it('is committed when the table holds exactly our snapshots and refs on top of our base', () => {
    expect(judgeReloaded(committed, 'base.metadata.json', next)).toEqual({ outcome: 'committed', location: 'new.metadata.json' });
  });
  it('is unknown when another commit came on top, or the snapshots differ', () => {
    const onTop = { ...next, 'metadata-log': [{ 'timestamp-ms': 3000, 'metadata-file': 'base.metadata.json' }, { 'timestamp-ms': 4000, 'metadata-file': 'new.metadata.json' }] };
    expect(judgeReloaded({ location: 'newer.metadata.json', metadata: onTop }, 'base.metadata.json', next).outcome).toBe('unknown');
    expect(judgeReloaded({ location: 'new.metadata.json', metadata: { ...next, snapshots: base['snapshots'] } }, 'base.metadata.json', next).outcome).toBe('unknown');
  });
});
