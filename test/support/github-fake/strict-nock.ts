/**
 * GitHub mocked at the HTTP level, strictly: no real network, and every mock a test defines must be
 * used (a request the code under test never made is a failure). Call once at a test file's top level.
 */
import './nock-node20.js';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export function useStrictNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
}
