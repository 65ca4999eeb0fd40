import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { useStrictNock } from '../../support/github-fake/strict-nock.js';
import { createClient } from '../../../src/github/api/client.js';
import { WRITE_BURST, writeLimiter } from '../../../src/github/api/write-limiter.js';

const API = 'https://api.github.test';
const REPO = { owner: 'acme', repo: 'schemas' };

useStrictNock();

// The plugin keys its limiter groups by the client's throttle id, "no-id" unless set.
const bucket = (writes: ReturnType<typeof writeLimiter>) => writes.key('no-id');

describe('the write limiter (a token bucket in front of GitHub writes)', () => {
  it('lets a burst of writes go without waiting, spends nothing on reads, and holds the next write until the bucket refills', async () => {
    // A refill that never comes within the test: the held write is released by hand, so nothing depends on timing.
    const writes = writeLimiter(3_600_000);
    const client = createClient({ token: '0000000000000000000000000000000000000001', baseUrl: API, writes });
    const order: string[] = [];
    nock(API).get('/repos/acme/schemas/pulls/7').times(5).reply(200, () => (order.push('read'), { number: 7 }));
    for (let i = 1; i <= WRITE_BURST + 1; i++) {
      nock(API).post('/repos/acme/schemas/issues/7/labels').reply(200, () => (order.push(`write ${i}`), []));
    }

    await Promise.all(Array.from({ length: 5 }, () => client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPO, pull_number: 7 })));
    expect(await bucket(writes).currentReservoir()).toBe(WRITE_BURST);

    for (let i = 1; i <= WRITE_BURST; i++) await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...REPO, issue_number: 7, labels: ['x'] });
    expect(await bucket(writes).currentReservoir()).toBe(0);

    // The bucket is empty: the next write waits in the limiter's queue, not on the wire.
    const next = client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...REPO, issue_number: 7, labels: ['x'] });
    await vi.waitFor(() => expect(bucket(writes).counts().QUEUED).toBe(1));
    expect(order).not.toContain(`write ${WRITE_BURST + 1}`);
    await bucket(writes).incrementReservoir(1);
    await next;
    expect(order).toEqual([...Array.from({ length: 5 }, () => 'read'), ...Array.from({ length: WRITE_BURST + 1 }, (_, i) => `write ${i + 1}`)]);
  });
});
