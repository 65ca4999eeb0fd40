/**
 * A REST catalog's error responses (the spec's IcebergErrorResponse) as typed errors whose message says what to
 * fix: credentials for 401/403/419, which namespace or table for 404, exit 4 for 503 and other 5xx.
 */
import { IcebergError } from '../../errors.js';
import { isJsonObject } from '../../metadata/json.js';

export const CREDENTIAL_VARIABLES = 'GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret) or GUARDRAILS_ICEBERG_REST_TOKEN';

/** `type` and `message` of an IcebergErrorResponse (or an OAuth2 error), when the body is one. */
export function errorModel(body: unknown): { type: string | undefined; message: string | undefined } {
  if (!isJsonObject(body)) return { type: undefined, message: undefined };
  const inner = body['error'];
  if (isJsonObject(inner)) {
    return { type: typeof inner['type'] === 'string' ? inner['type'] : undefined, message: typeof inner['message'] === 'string' ? inner['message'] : undefined };
  }
  // RFC 6749 §5.2, from a token endpoint: {"error": "invalid_client", "error_description": "…"}
  if (typeof inner === 'string') return { type: inner, message: typeof body['error_description'] === 'string' ? body['error_description'] : undefined };
  return { type: undefined, message: undefined };
}

function said(body: unknown, status: number): string {
  const { type, message } = errorModel(body);
  const text = [type, message].filter((t) => t !== undefined).join(': ');
  return text === '' ? `HTTP ${status}` : `HTTP ${status} ${text.split('\n')[0] ?? ''}`;
}

/**
 * `what` names the request's subject for people: `namespace "a.b"`, `table "a.b.t"`, `warehouse "w"`.
 * 409 never reaches here on a commit (it is the conflict outcome); elsewhere it is a failed request.
 */
export function restError(status: number, body: unknown, request: { catalog: string; what: string }): IcebergError {
  const subject = `REST catalog ${request.catalog}`;
  const reason = said(body, status);
  if (status === 401 || status === 419) {
    return new IcebergError('INVALID_INPUT', `refused the credentials (${reason}) for ${request.what}`, { subject, hint: `check ${CREDENTIAL_VARIABLES}` });
  }
  if (status === 403) {
    return new IcebergError('INVALID_INPUT', `forbids ${request.what} to these credentials (${reason})`, { subject, hint: 'grant the principal read and write on the tables (and namespace listing), or use other credentials' });
  }
  if (status === 404) {
    return new IcebergError('INVALID_INPUT', `has no ${request.what} (${reason})`, { subject, hint: 'check --catalog-warehouse, --namespace and --table against what the catalog lists' });
  }
  if (status === 400 || status === 406 || status === 422) {
    return new IcebergError('INVALID_INPUT', `rejected the request for ${request.what} (${reason})`, { subject });
  }
  if (status >= 500) {
    return new IcebergError('UNAVAILABLE', `answered ${reason} for ${request.what}`, { subject, hint: 'the catalog is unavailable or failing; try again later' });
  }
  return new IcebergError('IO', `answered ${reason} for ${request.what}`, { subject });
}

/** The innermost reason of a failed fetch (`fetch failed` wraps `connect ECONNREFUSED …`). */
export function rootReason(error: unknown): string {
  let current: unknown = error;
  let reason = error instanceof Error ? error.message : String(error);
  while (current instanceof Error) {
    const nested = current instanceof AggregateError ? current.errors[0] : undefined;
    if (current.message !== '') reason = current.message;
    current = current.cause ?? nested;
  }
  return reason;
}

/** No answer at all; an IcebergError (a refused token request) passes through as it is. */
export function unreachable(error: unknown, request: { catalog: string; what: string }): IcebergError {
  if (error instanceof IcebergError) return error;
  const cause = rootReason(error);
  return new IcebergError('UNAVAILABLE', `cannot be reached for ${request.what}: ${cause}`, { subject: `REST catalog ${request.catalog}`, hint: 'check --catalog-uri and that the catalog is running', cause: error });
}
