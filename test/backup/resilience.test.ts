import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../src/backup/collect.js';
import { BackupError } from '../../src/backup/errors.js';
import { createRegistryClient, RegistryError } from '../../src/registry/index.js';
import { startTestRegistry, type TestRegistry } from '../support/test-registry/index.js';
import { buildFixture, FULL_RESTORE, record, restoreDeps, stateOf } from './fixtures.js';
import { restore } from '../../src/backup/restore.js';

let sr: TestRegistry;

beforeEach(async () => {
  sr = await startTestRegistry();
});
afterEach(async () => {
  await sr.close();
});

/** Retries without waiting, and more attempts than any fault rule below has uses. */
const PATIENT = { maxConcurrency: 8, retry: { maxAttempts: 20, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 } };
const noWait = { sleep: async () => {} };
const patientClient = (url: string) => createRegistryClient({ url, ...PATIENT }, noWait);

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
    // A server that drops rows from a page: both /schemas listings answer without any row.
    sr.faults.add({ method: 'GET', path: '/schemas', times: 2, fault: { kind: 'raw', status: 200, contentType: 'application/json', body: '[]' } });
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
      const outcome = await restore({ ...FULL_RESTORE, backup: snapshot }, restoreDeps(target.url, PATIENT, noWait));
      expect(outcome.differences).toEqual([]);
      expect(stateOf(target.state)).toEqual(stateOf(sr.state));
    } finally {
      await target.close();
    }
  });
});

describe('a registry that changes during the backup', () => {
  const listing = async (query: string) => (await (await fetch(`${sr.url}/schemas${query}`)).json()) as { subject: string; version: number; deleted?: boolean }[];
  // Two requests per listing: a short first page is confirmed by one more (answered the same).
  const serveListing = (rows: unknown[]) =>
    sr.faults.add({ method: 'GET', path: '/schemas', times: 2, fault: { kind: 'raw', status: 200, contentType: 'application/json', body: JSON.stringify(rows) } });

  it('fails when a live version is missing from the listing with deleted versions', async () => {
    seedMany(3, 2);
    const full = await listing('?deleted=true');
    serveListing(full.filter((r) => !(r.subject === 'subject-0001-value' && r.version === 2)));
    const error = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'bulk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).kind).toBe('incomplete');
    expect((error as BackupError).message).toMatch(/registry changed during the backup.*subject-0001-value version 2.*rerun/);
  });

  it('does not back up a live version as deleted when the live listing skipped it', async () => {
    seedMany(3, 2);
    const full = await listing('?deleted=true');
    // No `deleted` flags (as some servers), and a live listing that lost a row to a shift.
    serveListing(full.map(({ deleted: _deleted, ...rest }) => rest));
    serveListing(full.filter((r) => !(r.subject === 'subject-0002-value' && r.version === 1)));
    const error = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'bulk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(/registry changed during the backup.*live listing are live.*subject-0002-value version 1\b.*rerun/);
  });
});

describe('a stopped restore', () => {
  it('starts no new write once stopped, puts every subject back, and says what was not registered', async () => {
    await buildFixture(sr.url);
    const { snapshot } = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'auto' });
    const target = await startTestRegistry();
    try {
      const controller = new AbortController();
      // Stopped (as by SIGTERM) once every subject is in IMPORT, before the first registration.
      const step = (title: string) => void (title.startsWith('registering') && controller.abort());
      const deps = restoreDeps(target.url, PATIENT, { ...noWait, signal: controller.signal });
      const outcome = await restore({ ...FULL_RESTORE, backup: snapshot }, { ...deps, signal: controller.signal, step });
      expect(outcome.applied).toMatchObject({ stopped: true, registered: 0, softDeleted: 0, settingsChanged: 0, modes: { left: [] } });
      expect(outcome.applied?.notRegistered).toHaveLength(12);
      expect(outcome.applied?.modes.reset).toHaveLength(8);
      expect(target.state.versions.size).toBe(0);
      expect(target.requests.filter((r) => r.route === 'POST /subjects/{subject}/versions')).toEqual([]);
      expect([...target.state.modes.values()]).not.toContain('IMPORT');
    } finally {
      await target.close();
    }
  });
});

describe('the highest id per context', () => {
  it('fails the backup when fetchMaxId fails for a reason other than being unsupported', async () => {
    seedMany(2, 1);
    sr.faults.add({ method: 'GET', path: /^\/schemas\/ids\//, fault: { kind: 'status', status: 403 } });
    const error = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'bulk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).httpStatus).toBe(403);
  });

  it('keeps the listed maximum when the server does not support fetchMaxId', async () => {
    seedMany(2, 1);
    sr.faults.add({ method: 'GET', path: /^\/schemas\/ids\//, fault: { kind: 'status', status: 404, body: { error_code: 404, message: 'HTTP 404 Not Found' } } });
    const { snapshot } = await collectSnapshot(patientClient(sr.url), { includeDeleted: true, listing: 'bulk' });
    expect(snapshot.maxIds).toEqual({ '.': 2 });
  });
});
