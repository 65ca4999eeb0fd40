/**
 * The one error type of the registry client. Every failure (HTTP status with a Confluent
 * `{error_code, message}` body, network failure, timeout, unparsable response, bad settings) becomes
 * a RegistryError with a one-line message saying what failed, where, and what to do.
 *
 * Security: a RegistryError never holds a request, a response, a header, a URL with userinfo or
 * an underlying library error (axios errors carry the request config and its Authorization header).
 * Everything it carries is copied in as plain, sanitized values.
 */
import { parseIncompatibleRegistration, type CompatibilityIncompatibility } from './compat-messages.js';
import { CODE_INFO, RegistryErrorCodes } from './error-codes.js';
import { excerpt } from './redact.js';

export { RegistryErrorCodes, type RegistryErrorCode } from './error-codes.js';

export type RegistryErrorKind =
  /** 404 with a 404xx code: subject, version, schema or config not found. */
  | 'not-found'
  /** 409 with code 409 (≤ CP 8.0.3) or 40901: the schema breaks the compatibility level. */
  | 'incompatible'
  /** 400 or 422: the request was refused (invalid schema, version, mode, operation not permitted ...). */
  | 'invalid-request'
  /** 401: credentials missing or wrong. */
  | 'unauthorized'
  /** 403: credentials lack permission. */
  | 'forbidden'
  /** 429 after the last retry. */
  | 'rate-limited'
  /** 408 or no response within the timeout. */
  | 'timeout'
  /** 5xx after the last retry. */
  | 'server'
  /** Any other HTTP status. */
  | 'http'
  /** Connection refused, reset or dropped; DNS failure. */
  | 'network'
  /** TLS handshake or certificate failure. */
  | 'tls'
  /** A 2xx response that is not JSON or not of the expected shape. */
  | 'malformed-response'
  /** The client settings are invalid; nothing was sent. */
  | 'invalid-settings'
  /** The run was stopped (SIGINT/SIGTERM): not sent, or cut before its answer came. */
  | 'cancelled';

export interface RegistryErrorFields {
  readonly kind: RegistryErrorKind;
  /** The Confluent `error_code` (404xx, 409, 40901, 422xx, 500xx; 50005 for unparsable responses). */
  readonly code?: number;
  readonly httpStatus?: number;
  /** Method and path template, e.g. `GET /subjects/{subject}/versions/{version}`. */
  readonly endpoint?: string;
  /** The base URL the last attempt went to, without credentials. */
  readonly baseUrl?: string;
  readonly subject?: string;
  readonly version?: number | string;
  /** The server's own message, shortened to one line. */
  readonly serverMessage?: string;
  /** How many attempts were made (retries included). */
  readonly attempts?: number;
  /** What the caller can do. */
  readonly hint?: string;
  /** For `incompatible`: the parsed incompatibilities. */
  readonly incompatibilities?: readonly CompatibilityIncompatibility[];
  /** For `invalid-settings`: one line per problem. */
  readonly issues?: readonly string[];
  /** For network and TLS failures: the system error code (ECONNREFUSED, ECONNRESET, ...). */
  readonly causeCode?: string;
}

export class RegistryError extends Error implements RegistryErrorFields {
  override readonly name = 'RegistryError';
  /** The bare problem, without location or hint; `message` is the full one-line text. */
  readonly problem: string;
  readonly kind: RegistryErrorKind;
  readonly code?: number;
  readonly httpStatus?: number;
  readonly endpoint?: string;
  readonly baseUrl?: string;
  readonly subject?: string;
  readonly version?: number | string;
  readonly serverMessage?: string;
  readonly attempts?: number;
  readonly hint?: string;
  readonly incompatibilities?: readonly CompatibilityIncompatibility[];
  readonly issues?: readonly string[];
  readonly causeCode?: string;

  constructor(problem: string, fields: RegistryErrorFields) {
    super(formatMessage(problem, fields));
    this.problem = problem;
    this.kind = fields.kind;
    this.code = fields.code;
    this.httpStatus = fields.httpStatus;
    this.endpoint = fields.endpoint;
    this.baseUrl = fields.baseUrl;
    this.subject = fields.subject;
    this.version = fields.version;
    this.serverMessage = fields.serverMessage;
    this.attempts = fields.attempts;
    this.hint = fields.hint;
    this.incompatibilities = fields.incompatibilities;
    this.issues = fields.issues;
    this.causeCode = fields.causeCode;
  }

  /** True for an error the server could answer differently if asked again. */
  get retryable(): boolean {
    return ['rate-limited', 'timeout', 'server', 'network'].includes(this.kind);
  }

  /** A copy with a longer problem text and more fields, e.g. after the last retry. */
  with(problemSuffix: string, fields: Partial<RegistryErrorFields> = {}): RegistryError {
    const own: RegistryErrorFields = { ...this.#fields(), ...fields };
    return new RegistryError(`${this.problem}${problemSuffix}`, own);
  }

  #fields(): RegistryErrorFields {
    const { kind, code, httpStatus, endpoint, baseUrl, subject, version, serverMessage, attempts, hint } = this;
    return { kind, code, httpStatus, endpoint, baseUrl, subject, version, serverMessage, attempts, hint, ...this.#lists() };
  }

  #lists(): Pick<RegistryErrorFields, 'incompatibilities' | 'issues' | 'causeCode'> {
    return { incompatibilities: this.incompatibilities, issues: this.issues, causeCode: this.causeCode };
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...fieldsOf(this) };
  }
}

function fieldsOf(e: RegistryError): Record<string, unknown> {
  const { kind, code, httpStatus, endpoint, baseUrl, subject, version, serverMessage, attempts, hint, issues, causeCode } = e;
  const all = { kind, code, httpStatus, endpoint, baseUrl, subject, version, serverMessage, attempts, hint, issues, causeCode };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

/** `<problem> (<code>) — <endpoint> on <baseUrl> [subject 's', version v]. <hint>` on one line. */
function formatMessage(problem: string, f: RegistryErrorFields): string {
  const code = f.code !== undefined ? ` (${f.code})` : f.httpStatus !== undefined ? ` (HTTP ${f.httpStatus})` : '';
  const where = [f.endpoint, f.baseUrl && `on ${f.baseUrl}`].filter(Boolean).join(' ');
  const about = [f.subject !== undefined && `subject '${f.subject}'`, f.version !== undefined && `version ${f.version}`]
    .filter(Boolean)
    .join(', ');
  // An incompatible registration is summarised from its parsed incompatibilities instead.
  const quote = f.serverMessage && !(f.kind === 'incompatible' && summarisable(f.incompatibilities));
  const server = quote ? `: ${excerpt(f.serverMessage ?? '', 300)}` : '';
  const tail = [where && ` — ${where}`, about && ` [${about}]`].join('');
  const head = `Schema Registry: ${problem}${code}${tail}${server}`;
  const sentence = /[.!?…]$/.test(head) ? head : `${head}.`;
  return f.hint ? `${sentence} ${f.hint}` : sentence;
}

/** What the transport knows about the request when it fails. */
export interface RequestContext {
  readonly endpoint: string;
  readonly baseUrl: string;
  readonly subject?: string;
  readonly version?: number | string;
  readonly attempts: number;
}

/** Maps a non-2xx response to a RegistryError. `body` is the raw body text, already redacted. */
export function errorFromResponse(status: number, body: string, ctx: RequestContext): RegistryError {
  const parsed = parseErrorBody(body);
  const code = parsed?.code;
  const serverMessage = parsed?.message ?? (body.trim() ? excerpt(body) : undefined);
  const kind = kindOf(status, code);
  const info = code !== undefined ? CODE_INFO[code] : undefined;
  const hint = info?.hint ?? statusHint(kind);
  const incompatibilities =
    kind === 'incompatible' && serverMessage ? parseIncompatibleRegistration(parsed?.message ?? body).incompatibilities : undefined;
  const problem = summarisable(incompatibilities) ? summarise(incompatibilities) : (info?.problem ?? statusProblem(status, kind));
  return new RegistryError(problem, { kind, code, httpStatus: status, serverMessage, hint, incompatibilities, ...ctx });
}

function summarisable(list: readonly CompatibilityIncompatibility[] | undefined): list is readonly CompatibilityIncompatibility[] {
  return !!list && list.some((i) => i.type !== 'UNKNOWN');
}

/** `schema is incompatible with version 3: TYPE_MISMATCH at /fields/0/type (reader type: …); …` */
function summarise(incompatibilities: readonly CompatibilityIncompatibility[]): string {
  const version = incompatibilities.find((i) => i.oldSchemaVersion !== undefined)?.oldSchemaVersion;
  const shown = incompatibilities
    .slice(0, 3)
    .map((i) => `${i.type}${i.location ? ` at ${i.location}` : ''} (${excerpt(i.message, 80)})`);
  const more = incompatibilities.length > 3 ? `; and ${incompatibilities.length - 3} more` : '';
  return `schema is incompatible with ${version !== undefined ? `version ${version}` : 'an earlier version'}: ${shown.join('; ')}${more}`;
}

function parseErrorBody(body: string): { code?: number; message?: string } | undefined {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return undefined;
    const { error_code: code, message } = value as Record<string, unknown>;
    return {
      code: typeof code === 'number' && Number.isInteger(code) ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
    };
  } catch {
    return undefined;
  }
}

function kindOf(status: number, code: number | undefined): RegistryErrorKind {
  if (status === 409 && (code === undefined || code === 409 || code === RegistryErrorCodes.INCOMPATIBLE_SCHEMA)) return 'incompatible';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 400 || status === 422) return 'invalid-request';
  if (status === 429) return 'rate-limited';
  if (status === 408 || status === 504 || code === RegistryErrorCodes.OPERATION_TIMEOUT) return 'timeout';
  if (status >= 500) return 'server';
  return 'http';
}

function statusProblem(status: number, kind: RegistryErrorKind): string {
  if (status === 409) return 'conflict';
  const problems: Partial<Record<RegistryErrorKind, string>> = {
    unauthorized: 'credentials rejected',
    forbidden: 'permission denied',
    'not-found': 'not found',
    'invalid-request': 'request refused',
    'rate-limited': 'rate limit exceeded',
    timeout: 'request timed out',
    server: 'server error',
  };
  return problems[kind] ?? `unexpected HTTP status ${status}`;
}

function statusHint(kind: RegistryErrorKind): string | undefined {
  const hints: Partial<Record<RegistryErrorKind, string>> = {
    unauthorized:
      'Check the API key/secret (basic auth) or the bearer token, and that they belong to this Schema Registry.',
    forbidden: 'The credentials are valid but lack a role on this resource; ask for read (or write) access to the subject.',
    'not-found': 'Check the URL: it must be the Schema Registry root (e.g. https://psrc-xxxx.region.aws.confluent.cloud).',
    'rate-limited': 'The registry kept rate-limiting; lower the concurrency or retry later.',
    timeout: 'Raise --registry-timeout-ms (registry.timeout-ms in guardrails.yaml) or retry later.',
    server: 'The registry is unhealthy; retry later or check its logs.',
  };
  return hints[kind];
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|EPROTO$|ERR_OSSL)/;
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/**
 * Maps a failure without an HTTP response. Only the system error code is kept: library messages
 * may quote the request, so they are not copied.
 */
export function errorFromNetwork(causeCode: string | undefined, timeoutMs: number, ctx: RequestContext): RegistryError {
  const code = causeCode ?? 'UNKNOWN';
  if (TIMEOUT_CODES.has(code)) {
    return new RegistryError(`no response within ${timeoutMs} ms`, {
      kind: 'timeout',
      causeCode: code,
      hint: 'The registry did not answer in time; raise --registry-timeout-ms (registry.timeout-ms in guardrails.yaml) or check the network path.',
      ...ctx,
    });
  }
  if (TLS_CODES.test(code)) {
    return new RegistryError(`TLS failure (${code})`, {
      kind: 'tls',
      causeCode: code,
      hint: "Check tls.ca (the registry's certificate authority), the client certificate and key, and the host name.",
      ...ctx,
    });
  }
  return new RegistryError(`connection failed (${code})`, {
    kind: 'network',
    causeCode: code,
    hint: 'Check the registry URL, DNS, proxy and firewall; the connection was refused, reset or dropped.',
    ...ctx,
  });
}

/** A 2xx response that is not what the endpoint promises. */
export function malformedResponse(detail: string, ctx: RequestContext, status: number): RegistryError {
  return new RegistryError(`unexpected response (${detail})`, {
    kind: 'malformed-response',
    code: RegistryErrorCodes.JSON_PARSE_ERROR,
    httpStatus: status,
    hint: CODE_INFO[RegistryErrorCodes.JSON_PARSE_ERROR]?.hint,
    ...ctx,
  });
}
