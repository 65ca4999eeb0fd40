/** nock helpers for the GitHub REST API at the HTTP level. */
import nock from 'nock';

// nock 15's interceptors call Promise.withResolvers, which Node 20 lacks (Node 22+). Polyfill it for the tests.
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= function withResolvers<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

export const API = 'https://api.github.test';
export const REPO = '/repos/acme/platform';

export function github(): nock.Scope {
  return nock(API);
}

export function rawIssue(number: number, extra: Record<string, unknown> = {}) {
  return {
    number, title: `issue ${number}`, body: '', state: 'open', state_reason: null, labels: [{ name: 'postmortem' }],
    assignees: [], html_url: `https://github.test/acme/platform/issues/${number}`, closed_at: null, ...extra,
  };
}

/** `Link` header for page `page` of `last`, as GitHub sends it. */
export function linkHeader(path: string, page: number, last: number): string {
  const url = (p: number) => `<${API}${path}&page=${p}>`;
  const links = [];
  if (page < last) links.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) links.push(`${url(1)}; rel="first"`, `${url(page - 1)}; rel="prev"`);
  return links.join(', ');
}

export function secondaryRateLimit(retryAfter = 1) {
  return {
    status: 403,
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    headers: { 'retry-after': String(retryAfter) },
  };
}
