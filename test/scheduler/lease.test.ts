/** The lease keeper over a renewal function standing in for the database's answer. */
import { describe, expect, it } from 'vitest';
import { keepLease } from '../../src/scheduler/index.js';

function lostReason(renew: () => Promise<boolean>, leaseMs = 300): { reason: Promise<string>; failures: unknown[]; renewals: () => number } {
  let renewals = 0;
  const failures: unknown[] = [];
  const reason = new Promise<string>((resolve) => {
    keepLease({ leaseMs, renew: () => ((renewals += 1), renew()), onLost: resolve, onRenewFailed: (e) => failures.push(e) });
  });
  return { reason, failures, renewals: () => renewals };
}

describe('keepLease', () => {
  it('declares the lease lost as soon as the database says another replica owns the claim', async () => {
    const { reason, failures } = lostReason(async () => false);
    expect(await reason).toBe('another replica took the slot over');
    expect(failures).toEqual([]);
  });

  it('fences itself when no renewal is confirmed for two thirds of the lease (the database unreachable)', async () => {
    const { reason, failures } = lostReason(() => Promise.reject(new Error('connect ECONNREFUSED')));
    expect(await reason).toBe('no renewal of the lease was confirmed for 0.2 s');
    expect(failures).toContainEqual(new Error('connect ECONNREFUSED'));
  });

  it('fences itself when a renewal hangs', async () => {
    const { reason, renewals } = lostReason(() => new Promise<boolean>(() => {}));
    expect(await reason).toBe('no renewal of the lease was confirmed for 0.2 s');
    // One request in flight at a time: a hung one is not piled on.
    expect(renewals()).toBe(1);
  });

  it('keeps renewing while renewals succeed, and stop() ends it without a loss', async () => {
    let renewals = 0;
    let lost: string | undefined;
    let reached!: () => void;
    const threeRenewals = new Promise<void>((resolve) => (reached = resolve));
    const keeper = keepLease({
      leaseMs: 900,
      renew: async () => {
        if (++renewals === 3) reached();
        return true;
      },
      onLost: (reason) => ((lost = reason), reached()),
    });
    await threeRenewals;
    keeper.stop();
    expect(lost).toBeUndefined();
    const after = renewals;
    await new Promise((r) => setTimeout(r, 700));
    expect(renewals).toBe(after);
    expect(lost).toBeUndefined();
  });
});
