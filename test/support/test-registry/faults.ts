/**
 * Fault injection for the test registry: per method/path, for the next N requests, or for ever.
 * The first rule that matches a request and has uses left decides; each match uses one.
 */

export type Fault =
  /** Wait, then answer normally. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Answer with this status and a Confluent error body (or `body`). */
  | { readonly kind: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  /** 429 with an optional `Retry-After` (seconds or an HTTP date). */
  | { readonly kind: 'rate-limit'; readonly retryAfter?: string }
  /** Never answer (the client's timeout must fire). */
  | { readonly kind: 'hang' }
  /** Destroy the connection without an answer. */
  | { readonly kind: 'drop' }
  /** Handle the request, then answer without these top-level fields of the JSON reply. */
  | { readonly kind: 'omit-fields'; readonly fields: readonly string[] }
  /** Handle the request (its effect is kept), then destroy the connection: a lost response. */
  | { readonly kind: 'lost-response' }
  /** Answer with this exact body and content type (malformed responses). */
  | { readonly kind: 'raw'; readonly status: number; readonly body: string; readonly contentType?: string };

export interface FaultRule {
  readonly method?: string;
  /** Exact decoded path, or a pattern tested against it. */
  readonly path?: string | RegExp;
  /** How many requests it applies to; for ever when absent. */
  readonly times?: number;
  readonly fault: Fault;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class Faults {
  readonly #rules: ActiveRule[] = [];

  /** Adds a rule after the existing ones. */
  add(rule: FaultRule): this {
    this.#rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  /** The next `n` requests, whatever their path, get `fault`. */
  next(n: number, fault: Fault): this {
    return this.add({ times: n, fault });
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** The fault for this request, if any; uses up one application of the matching rule. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.#rules.find((r) => r.remaining > 0 && matches(r, method, path));
    if (!rule) return undefined;
    rule.remaining--;
    return rule.fault;
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/** Confluent-style body for an injected status. */
export function faultBody(status: number): { error_code: number; message: string } {
  return { error_code: status === 500 ? 50001 : status, message: `Injected fault: HTTP ${status}` };
}
