/**
 * Registry client settings, validated once where they enter. The rest of the client receives a
 * RegistrySettings and never checks again.
 *
 * Security: messages name the offending key and the expected form, never a secret value.
 */
import { z } from 'zod';
import { RegistryError } from './errors.js';
import { sanitizeUrl } from './redact.js';

/** How to authenticate. */
export type RegistryAuth =
  | { readonly type: 'none' }
  /** API key and secret (Confluent Cloud) or a basic-auth user (self-managed). */
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  /**
   * OAuth bearer token. Confluent Cloud also wants the logical cluster (`lsrc-…`, sent as
   * `target-sr-cluster`) and the identity pool (`pool-…`, sent as `Confluent-Identity-Pool-Id`).
   */
  | {
      readonly type: 'bearer';
      readonly token: string;
      readonly logicalCluster?: string;
      readonly identityPoolId?: string;
    };

/** TLS material as PEM text (read the files before passing them). */
export interface RegistryTls {
  /** Certificate authorities to trust instead of Node's defaults. */
  readonly ca?: string;
  /** Client certificate and key for mutual TLS; both or neither. */
  readonly cert?: string;
  readonly key?: string;
  readonly passphrase?: string;
  /** Defaults to true; false accepts any server certificate (tests only). */
  readonly rejectUnauthorized: boolean;
}

export interface RetryPolicy {
  /** Attempts per request, the first included (1 = no retry). */
  readonly maxAttempts: number;
  /** Base and cap of the exponential backoff; each wait is drawn uniformly below the cap (full jitter). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this ends the retries instead of waiting. */
  readonly maxRetryAfterMs: number;
}

export interface RegistrySettings {
  /** Base URLs without credentials or trailing slash, tried in turn when one fails. */
  readonly baseUrls: readonly string[];
  readonly auth: RegistryAuth;
  readonly tls?: RegistryTls;
  /** Extra headers sent with every request. */
  readonly headers: Readonly<Record<string, string>>;
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Requests of one client in flight at once. */
  readonly maxConcurrency: number;
  /** Rows asked for per page of `GET /schemas` and `GET /subjects` (the server caps /schemas at 1,000). */
  readonly pageSize: number;
}

export const DEFAULT_SETTINGS = {
  timeoutMs: 30_000,
  retry: { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 },
  maxConcurrency: 4,
  pageSize: 1000,
} as const;

const nonEmpty = (what: string) => z.string({ error: `${what} must be a string` }).min(1, { error: `${what} must not be empty` });
const int = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });
const pem = (what: string) =>
  nonEmpty(what).refine((s) => s.includes('-----BEGIN '), {
    error: `${what} must be PEM text (-----BEGIN ...-----); read the file and pass its content`,
  });
const headerValue = z.string().refine((v) => !/[\r\n]/.test(v), { error: 'header values must not contain line breaks' });

const authSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('none') }).strict(),
    z.object({ type: z.literal('basic'), username: nonEmpty('auth.username'), password: nonEmpty('auth.password') }).strict(),
    z
      .object({
        type: z.literal('bearer'),
        token: nonEmpty('auth.token'),
        logicalCluster: nonEmpty('auth.logicalCluster').optional(),
        identityPoolId: nonEmpty('auth.identityPoolId').optional(),
      })
      .strict(),
  ],
  { error: "auth.type must be 'none', 'basic' or 'bearer'" },
);

const inputSchema = z
  .object({
    url: z.union([z.string(), z.array(z.string())], { error: 'url must be a URL, a comma-separated list or an array of URLs' }),
    auth: authSchema.optional(),
    tls: z
      .object({
        ca: pem('tls.ca').optional(),
        cert: pem('tls.cert').optional(),
        key: pem('tls.key').optional(),
        passphrase: z.string().optional(),
        rejectUnauthorized: z.boolean().optional(),
      })
      .strict()
      .refine((t) => (t.cert === undefined) === (t.key === undefined), { error: 'tls.cert and tls.key must be given together' })
      .optional(),
    headers: z.record(z.string(), headerValue).optional(),
    timeoutMs: int('timeoutMs', 1, 600_000).optional(),
    retry: z
      .object({
        maxAttempts: int('retry.maxAttempts', 1, 20).optional(),
        baseDelayMs: int('retry.baseDelayMs', 0, 60_000).optional(),
        maxDelayMs: int('retry.maxDelayMs', 0, 600_000).optional(),
        maxRetryAfterMs: int('retry.maxRetryAfterMs', 0, 3_600_000).optional(),
      })
      .strict()
      .optional(),
    maxConcurrency: int('maxConcurrency', 1, 64).optional(),
    pageSize: int('pageSize', 1, 1000).optional(),
  })
  .strict();

export type RegistrySettingsInput = z.input<typeof inputSchema>;

/** Headers the client owns; setting them through `headers` would bypass the auth settings. */
const RESERVED_HEADERS = ['authorization', 'target-sr-cluster', 'confluent-identity-pool-id', 'content-type', 'host'];

/** Validates raw settings; throws a RegistryError of kind `invalid-settings` listing every problem. */
export function parseRegistrySettings(input: unknown): RegistrySettings {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    fail(parsed.error.issues.map(issueLine));
  }
  const raw = parsed.data;
  const issues: string[] = [];
  const urls = (Array.isArray(raw.url) ? raw.url : raw.url.split(',')).map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) issues.push('url: give at least one Schema Registry URL, e.g. https://psrc-xxxx.us-east-2.aws.confluent.cloud');
  const parsedUrls = urls.map((u, i) => parseBaseUrl(u, i, issues));
  const urlAuth = authFromUrls(parsedUrls, issues);
  if (urlAuth && raw.auth && raw.auth.type !== 'none') issues.push('url: credentials are given both in the URL and in auth; keep one');
  for (const name of Object.keys(raw.headers ?? {})) {
    if (RESERVED_HEADERS.includes(name.toLowerCase())) issues.push(`headers.${name}: set by the client; use auth instead`);
  }
  if (issues.length) fail(issues);
  return remember({
    baseUrls: parsedUrls.filter((u): u is URL => u !== undefined).map((u) => sanitizeUrl(u.href)),
    auth: raw.auth && raw.auth.type !== 'none' ? raw.auth : (urlAuth ?? { type: 'none' }),
    tls: raw.tls && { ...raw.tls, rejectUnauthorized: raw.tls.rejectUnauthorized ?? true },
    headers: { ...raw.headers },
    timeoutMs: raw.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs,
    retry: { ...DEFAULT_SETTINGS.retry, ...stripUndefined(raw.retry ?? {}) },
    maxConcurrency: raw.maxConcurrency ?? DEFAULT_SETTINGS.maxConcurrency,
    pageSize: raw.pageSize ?? DEFAULT_SETTINGS.pageSize,
  });
}

const PARSED = new WeakSet<object>();

function remember(settings: RegistrySettings): RegistrySettings {
  PARSED.add(settings);
  return settings;
}

/** True for a value returned by parseRegistrySettings (so it is not validated twice). */
export function isParsedSettings(value: unknown): value is RegistrySettings {
  return typeof value === 'object' && value !== null && PARSED.has(value);
}

function issueLine(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  return where && !issue.message.startsWith(where) ? `${where}: ${issue.message}` : issue.message;
}

function parseBaseUrl(text: string, index: number, issues: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    issues.push(`url[${index}]: '${sanitizeUrl(text)}' is not a URL; expected http(s)://host[:port][/path]`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.push(`url[${index}]: '${sanitizeUrl(text)}' must use http or https`);
    return undefined;
  }
  if (url.search || url.hash) issues.push(`url[${index}]: '${sanitizeUrl(text)}' must not have a query or fragment`);
  return url;
}

/** Confluent clients accept `https://key:secret@host` (basic.auth.credentials.source=URL). */
function authFromUrls(urls: readonly (URL | undefined)[], issues: string[]): RegistryAuth | undefined {
  const withCredentials = urls.filter((u): u is URL => !!u && (u.username !== '' || u.password !== ''));
  if (withCredentials.length === 0) return undefined;
  const pairs = new Set(withCredentials.map((u) => `${u.username}\u0000${u.password}`));
  if (pairs.size > 1) issues.push('url: the URLs carry different credentials; use one auth setting instead');
  const first = withCredentials[0] as URL;
  if (!first.username || !first.password) {
    issues.push('url: credentials in a URL need both a user (API key) and a password (API secret)');
    return undefined;
  }
  return { type: 'basic', username: decodeURIComponent(first.username), password: decodeURIComponent(first.password) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function fail(issues: readonly string[]): never {
  throw new RegistryError(`invalid client settings: ${issues.join('; ')}`, {
    kind: 'invalid-settings',
    issues,
    hint: 'Fix the registry settings; nothing was sent.',
  });
}

/** A one-line description of the settings that is safe to log. */
export function describeSettings(settings: RegistrySettings): string {
  const auth = settings.auth.type;
  const tls = settings.tls ? `, tls${settings.tls.cert ? ' with client certificate' : ''}` : '';
  return `${settings.baseUrls.join(', ')} (auth ${auth}${tls}, timeout ${settings.timeoutMs} ms, ${settings.retry.maxAttempts} attempts)`;
}
