import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../src/backup/collect.js';
import { BackupError } from '../../src/backup/errors.js';
import { createRegistryClient } from '../../src/registry/index.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture, record, stateOf } from './fixtures.js';
import { restoreSnapshot } from '../../src/backup/restore.js';

let sr: TestRegistry;

beforeEach(async () => {
  sr = await startTestRegistry();
});
afterEach(async () => {
  await sr.close();
});

/** Retries without waiting, and more attempts than any fault rule below has uses. */
const patientClient = (url: string) =>
  createRegistryClient({ url, maxConcurrency: 8, retry: { maxAttempts: 20, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } }, { sleep: async () => {} });

function seedMany(subjects: number, versionsEach: number): void {
  for (let s = 0; s < subjects; s++) {
    for (let v = 0; v < versionsEach; v++) {
      const fields: [string, unknown][] = [['a', 'int'], ...Array.from({ length: v }, (_, i): [string, unknown] => [`f${i}`, ['null', 'int']])];
      sr.seed(`subject-${String(s).padStart(4, '0')}-value`, { schema: record(`R${s}`, ...fields) });
    }
  }
}

describe('the 1,000-row page cap of GET /schemas', () => {
  it('pages through every version and reconciles the subjects', async () => {
    seedMany(700, 3);
    const { snapshot, listing } = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'auto' });
    expect(listing).toBe('bulk');
    expect([...snapshot.subjects.values()].reduce((n, s) => n + s.versions.length, 0)).toBe(2100);
    // Three pages with soft-deleted versions, three of live ones (which tell soft-deleted versions apart).
    expect(sr.countByRoute()['GET /schemas']).toBe(6);
  });

  it('fails when the bulk listing misses subjects that /subjects lists', async () => {
    seedMany(30, 1);
    // A server that drops rows from a page: /schemas answers without the last subject's row.
    sr.faults.add({ method: 'GET', path: '/schemas', times: 1, fault: { kind: 'raw', status: 200, contentType: 'application/json', body: '[]' } });
    const error = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'bulk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).kind).toBe('incomplete');
    expect((error as BackupError).message).toContain("subject 'subject-0000-value' is listed by GET /subjects but has no versions in the bulk listing");
  });

  it('walks subject by subject on a server without GET /schemas', async () => {
    seedMany(5, 2);
    sr.faults.add({ method: 'GET', path: '/schemas', fault: { kind: 'status', status: 404, body: { error_code: 404, message: 'HTTP 404 Not Found' } } });
    const { snapshot, listing } = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'auto' });
    expect(listing).toBe('walk');
    expect([...snapshot.subjects.values()].map((s) => s.versions.length)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('servers that omit the deleted flag', () => {
  it('still back up soft-deleted versions as soft-deleted', async () => {
    await buildFixture(sr.url);
    const rows = (await (await fetch(`${sr.url}/schemas?deleted=true`)).json()) as Record<string, unknown>[];
    expect(rows.some((r) => r['deleted'] === true)).toBe(true);
    const withoutFlag = JSON.stringify(rows.map(({ deleted: _deleted, ...rest }) => rest));
    sr.faults.add({ method: 'GET', path: '/schemas', times: 1, fault: { kind: 'raw', status: 200, contentType: 'application/json', body: withoutFlag } });
    const { snapshot } = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'bulk' });
    const deleted = [...snapshot.subjects.values()].flatMap((s) => s.versions.filter((v) => v.deleted).map((v) => `${v.subject} v${v.version}`));
    expect(deleted.sort()).toEqual(['market.ticks-value v2', 'old.topic-value v1']);
  });
});

describe('429 and 5xx storms', () => {
  it('backs up and restores through rate limits and server errors', async () => {
    await buildFixture(sr.url);
    sr.faults
      .add({ path: /^\/config\//, times: 12, fault: { kind: 'rate-limit', retryAfter: '0' } })
      .add({ path: '/schemas', times: 5, fault: { kind: 'status', status: 503 } })
      .add({ path: /^\/mode\//, times: 12, fault: { kind: 'status', status: 502 } });
    const { snapshot } = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'auto' });
    const faulted = sr.requests.length;
    expect(faulted).toBeGreaterThan(29);

    const target = await startTestRegistry();
    try {
      target.faults
        .add({ method: 'POST', times: 12, fault: { kind: 'status', status: 500 } })
        .add({ method: 'PUT', times: 12, fault: { kind: 'rate-limit', retryAfter: '0' } })
        .add({ method: 'DELETE', times: 3, fault: { kind: 'drop' } });
      const outcome = await restoreSnapshot(patientClient(target.url), snapshot, { selection: { globs: [], subjects: [] }, preserveIds: true, dryRun: false });
      expect(outcome.differences).toEqual([]);
      expect(stateOf(target.state)).toEqual(stateOf(sr.state));
    } finally {
      await target.close();
    }
  });
});
