/**
 * Tokens for the Authorization header. The OAuth2 client-credentials grant (RFC 6749 §4.4, as Iceberg Java's
 * OAuth2Util and PyIceberg send it: form-encoded, client id and secret in the body, scope `catalog`) is fetched
 * lazily, reused, and fetched again before it expires, or at once after the catalog refuses it.
 */
import { IcebergError } from '../../errors.js';
import { numberOf } from '../../metadata/json.js';
import { CREDENTIAL_VARIABLES, errorModel, rootReason } from './errors.js';
import type { RestAuth } from './settings.js';
import { parseWireJson } from './wire-json.js';

export interface TokenSource {
  /** The header value, or undefined for an unauthenticated catalog. */
  authorization(): Promise<string | undefined>;
  /** The catalog answered 401/419: forget the token so the next call fetches another. Returns whether that may help. */
  refused(): boolean;
}

/** Java's `token-expires-in-ms` default, for a token response without `expires_in`. */
const DEFAULT_LIFETIME_MS = 3_600_000;
/** Refresh this long before expiry: a tenth of the lifetime, at most five minutes (Java's refresh window). */
const MAX_REFRESH_WINDOW_MS = 300_000;

export interface TokenDeps {
  readonly fetch: typeof fetch;
  readonly clock: () => number;
  readonly timeoutMs: number;
  /** A stop cuts a token request in flight short. */
  readonly signal?: AbortSignal;
}

class ClientCredentials implements TokenSource {
  private token: { value: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly auth: Extract<RestAuth, { kind: 'oauth2' }>, private readonly endpoint: string, private readonly deps: TokenDeps) {}

  async authorization(): Promise<string> {
    if (this.token !== undefined && this.deps.clock() < this.token.refreshAt) return `Bearer ${this.token.value}`;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return `Bearer ${await this.pending}`;
  }

  refused(): boolean {
    const had = this.token !== undefined;
    this.token = undefined;
    return had;
  }

  private async fetchToken(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.auth.clientId, client_secret: this.auth.clientSecret, scope: this.auth.scope });
    const shown = new URL(this.endpoint);
    const where = `OAuth2 token endpoint ${shown.origin}${shown.pathname}`;
    let response: Response;
    try {
      response = await this.deps.fetch(this.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        signal: this.deps.signal === undefined ? AbortSignal.timeout(this.deps.timeoutMs) : AbortSignal.any([AbortSignal.timeout(this.deps.timeoutMs), this.deps.signal]),
      });
    } catch (error) {
      throw new IcebergError('UNAVAILABLE', `cannot be reached: ${rootReason(error)}`, { subject: where, hint: 'check --catalog-oauth2-server-uri (or the catalog URI) and the network' });
    }
    const body = parseWireJson(await response.text());
    if (!response.ok) {
      const { type, message } = errorModel(body);
      const reason = [type, message].filter((t) => t !== undefined).join(': ') || `HTTP ${response.status}`;
      if (response.status >= 500) throw new IcebergError('UNAVAILABLE', `failed: ${reason}`, { subject: where, hint: 'try again later' });
      throw new IcebergError('INVALID_INPUT', `refused the client credentials: ${reason}`, { subject: where, hint: `check ${CREDENTIAL_VARIABLES}` });
    }
    const record = (body ?? {}) as Record<string, unknown>;
    const value = record['access_token'];
    if (typeof value !== 'string' || value === '') throw new IcebergError('UNAVAILABLE', 'answered without an access_token', { subject: where });
    const lifetimeMs = (numberOf(record['expires_in']) ?? DEFAULT_LIFETIME_MS / 1000) * 1000;
    const window = Math.min(MAX_REFRESH_WINDOW_MS, lifetimeMs / 10);
    this.token = { value, refreshAt: this.deps.clock() + lifetimeMs - window };
    return value;
  }
}

/** `catalogUri` is the catalog's base URI, for the default token endpoint `/v1/oauth/tokens` under it. */
export function tokenSource(auth: RestAuth, catalogUri: string, deps: TokenDeps): TokenSource {
  switch (auth.kind) {
    case 'none':
      return { authorization: async () => undefined, refused: () => false };
    case 'bearer':
      return { authorization: async () => `Bearer ${auth.token}`, refused: () => false };
    case 'oauth2':
      return new ClientCredentials(auth, auth.serverUri ?? `${catalogUri}/v1/oauth/tokens`, deps);
  }
}
