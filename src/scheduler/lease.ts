/**
 * Keeps a claim's lease alive while its job runs: renews it every third of the lease, and declares it lost when
 * the database says another replica owns the slot now, or when no renewal has been confirmed for two thirds of
 * the lease. The second case fences a replica cut off from the database before its lease can expire there, so
 * that the run it aborts has a third of the lease to settle before another replica may take the slot over.
 */
import { performance } from 'node:perf_hooks';

export interface LeaseKeeperOptions {
  readonly leaseMs: number;
  /** Extends the lease in the database; resolves false when the claim has another owner or attempt now. */
  readonly renew: () => Promise<boolean>;
  /** Called at most once, when the lease is lost. */
  readonly onLost: (reason: string) => void;
  /** A renewal that failed (the database unreachable); the lease may still be renewed by the next one. */
  readonly onRenewFailed?: (error: unknown) => void;
  /** When the claim that granted the lease was sent, on `clock`; default now. */
  readonly grantedAt?: number;
  /** Monotonic milliseconds; performance.now() by default. */
  readonly clock?: () => number;
}

export interface LeaseKeeper {
  /** Stops renewing (the run ended); no later onLost. */
  stop(): void;
}

export function keepLease(options: LeaseKeeperOptions): LeaseKeeper {
  const clock = options.clock ?? (() => performance.now());
  const fenceMs = (options.leaseMs * 2) / 3;
  let confirmed = options.grantedAt ?? clock();
  let stopped = false;
  let inFlight = false;
  let fence: NodeJS.Timeout | undefined;

  const lose = (reason: string) => {
    if (stopped) return;
    stop();
    options.onLost(reason);
  };
  const armFence = () => {
    clearTimeout(fence);
    fence = setTimeout(() => lose(`no renewal of the lease was confirmed for ${fenceMs / 1000} s`), Math.max(0, confirmed + fenceMs - clock()));
    fence.unref();
  };
  const renew = async () => {
    if (stopped || inFlight) return;
    inFlight = true;
    const sentAt = clock();
    try {
      if (!(await options.renew())) return lose('another replica took the slot over');
      if (stopped) return;
      // The database extended the lease from its own now(), which is after this request was sent.
      confirmed = sentAt;
      armFence();
    } catch (error) {
      if (!stopped) options.onRenewFailed?.(error);
    } finally {
      inFlight = false;
    }
  };
  const timer = setInterval(() => void renew(), options.leaseMs / 3);
  timer.unref();
  armFence();

  function stop(): void {
    stopped = true;
    clearInterval(timer);
    clearTimeout(fence);
  }
  return { stop };
}
