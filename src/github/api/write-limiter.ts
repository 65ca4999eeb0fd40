/**
 * How the action spaces its writes. @octokit/plugin-throttling's default puts one second between
 * any two writes, so a run that creates its check run and then completes it waits a full second
 * doing nothing. GitHub's guidance is about sustained writes ("a large number of POST, PATCH, PUT,
 * or DELETE requests … wait at least one second between each request"), so this is a token
 * bucket: a burst of WRITE_BURST writes goes at once, then one per second, which keeps the
 * long-run rate at the plugin's. Secondary-rate-limit responses are still retried by the plugin.
 */
import Bottleneck from 'bottleneck/light.js';

export const WRITE_BURST = 3;
export const WRITE_REFILL_MS = 1_000;

/** A fresh limiter group for one client's writes (the plugin keys it by the client's id). */
export function writeLimiter(refillMs = WRITE_REFILL_MS): Bottleneck.Group {
  return new Bottleneck.Group({
    id: 'guardrails-write',
    maxConcurrent: 1,
    minTime: 0,
    reservoir: WRITE_BURST,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: refillMs,
    reservoirIncreaseMaximum: WRITE_BURST,
  });
}
