/**
 * One REST catalog request: JSON in and out (lossless), the Authorization header from the token source, a
 * timeout, and one retry with a fresh token after a 401/419. Answers come back as status and body; only a
 * failure to get any answer throws (`RestUnreachable`), so each caller decides what a status means.
 */
import { rootReason } from './errors.js';
import type { TokenSource } from './oauth2.js';
import { parseWireJson, wireJson } from './wire-json.js';

/** How long a commit in flight may still settle after a stop: inside the 10 s a stopped run has to exit. */
const COMMIT_GRACE_MS = 5_000;

export interface RestAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** No answer: refused, reset or timed out. For a commit this means the outcome is unknown. */
export class RestUnreachable extends Error {
  override readonly name = 'RestUnreachable';
}

export interface RestRequest {
  readonly method: 'GET' | 'POST' | 'HEAD';
  /** Path under the catalog URI, already encoded: `/v1/wh/namespaces/a%1Fb/tables`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export class RestTransport {
  constructor(
    private readonly baseUri: string,
    private readonly tokens: TokenSource,
    private readonly timeoutMs: number,
    private readonly fetchFn: typeof fetch = fetch,
    /** A stop cuts reads short; a commit in flight gets a few seconds to settle (its outcome is then verified). */
    private readonly stop?: AbortSignal,
  ) {}

  /** The request's abort signal: its timeout, and the stop (at once for reads, after a grace for a commit). */
  private signalFor(method: RestRequest['method']): { signal: AbortSignal; done: () => void } {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    if (this.stop === undefined) return { signal: timeout, done: () => {} };
    if (method !== 'POST') return { signal: AbortSignal.any([timeout, this.stop]), done: () => {} };
    const grace = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const onStop = () => {
      timer = setTimeout(() => grace.abort(), COMMIT_GRACE_MS);
      timer.unref();
    };
    if (this.stop.aborted) onStop();
    else this.stop.addEventListener('abort', onStop, { once: true });
    return {
      signal: AbortSignal.any([timeout, grace.signal]),
      done: () => {
        this.stop?.removeEventListener('abort', onStop);
        if (timer !== undefined) clearTimeout(timer);
      },
    };
  }

  async send(request: RestRequest): Promise<RestAnswer> {
    const first = await this.once(request);
    if ((first.status === 401 || first.status === 419) && this.tokens.refused()) return this.once(request);
    return first;
  }

  private async once(request: RestRequest): Promise<RestAnswer> {
    const url = new URL(`${this.baseUri}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    const authorization = await this.tokens.authorization();
    const headers: Record<string, string> = { Accept: 'application/json', ...(request.headers ?? {}) };
    if (authorization !== undefined) headers['Authorization'] = authorization;
    if (request.json !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    const { signal, done } = this.signalFor(request.method);
    try {
      response = await this.fetchFn(url, {
        method: request.method,
        headers,
        ...(request.json !== undefined ? { body: wireJson(request.json) } : {}),
        signal,
      });
      const text = await response.text();
      // An error message may quote the credential it refused; it must not reach a report or a log.
      const token = authorization?.replace(/^Bearer /, '');
      const shown = response.status >= 400 && token !== undefined && token.length >= 4 ? text.split(token).join('***') : text;
      return { status: response.status, body: parseWireJson(shown) };
    } catch (error) {
      throw new RestUnreachable(`${request.method} ${url.origin}${url.pathname}: ${rootReason(error)}`, { cause: error });
    } finally {
      done();
    }
  }
}
