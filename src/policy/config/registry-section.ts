/**
 * The `registry` and `on-registry-unavailable` sections of `guardrails.yaml` (issue 3 §3): where the
 * Schema Registry is and what the check does when it cannot be reached. zod shapes (error text = the
 * expected form) plus normalisation into settings.
 *
 * Security: the config file is committed, so it never holds a secret. Credentials come from the
 * environment (docs/registry.md); secret-looking keys are refused with a message that does not repeat
 * their value.
 */
import { z } from 'zod';
import { formatKeyPath, type ConfigIssue } from './errors.js';
import type { Locator } from './locate.js';

/** What `guardrails check` does when the registry is unreachable or keeps failing. */
export const ON_REGISTRY_UNAVAILABLE = ['fail', 'offline'] as const;
export type OnRegistryUnavailable = (typeof ON_REGISTRY_UNAVAILABLE)[number];

/** The non-secret registry settings a config file may hold. */
export interface RegistryConfigSettings {
  /** Base URLs, tried in turn; empty when the config names none (then the flag or env must). */
  readonly urls: readonly string[];
  readonly timeoutMs?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  /** Requests in flight at once. */
  readonly maxConcurrency?: number;
  /** Extra, non-secret headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** PEM files for TLS, relative to the repository root (paths, not contents). */
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Confluent Cloud OAuth: `target-sr-cluster` and `Confluent-Identity-Pool-Id` (identifiers, not secrets). */
  readonly logicalCluster?: string;
  readonly identityPoolId?: string;
}

/** Keys that would put a secret in the committed config; accepted by the shape so the value is never echoed. */
const SECRET_KEYS = ['api-key', 'api-secret', 'password', 'username', 'token', 'bearer-token', 'key-passphrase', 'auth'] as const;

const URL_FORM = 'an http(s) URL such as "https://psrc-xxxx.us-east-2.aws.confluent.cloud"';
const url = z.string({ error: URL_FORM }).regex(/^https?:\/\/[^\s]+$/, { error: URL_FORM });
const positive = (max: number) =>
  z.number({ error: `a whole number from 1 to ${max}` }).int({ error: `a whole number from 1 to ${max}` }).min(1).max(max);
const path = z.string({ error: 'a file path relative to the repository root' }).min(1);
const id = (form: string) => z.string({ error: form }).regex(/^[A-Za-z0-9_.-]{1,100}$/, { error: form });

export const REGISTRY_SHAPE = {
  url: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(url, { error: `${URL_FORM}, or a list of them` }).min(1)).optional(),
  'timeout-ms': positive(600_000).optional(),
  retries: positive(20).optional(),
  'max-concurrency': positive(64).optional(),
  headers: z.record(z.string(), z.string({ error: 'a header value (text)' }), { error: 'a mapping of header names to values' }).optional(),
  'ca-file': path.optional(),
  'cert-file': path.optional(),
  'key-file': path.optional(),
  'logical-cluster': id('a logical cluster id such as "lsrc-abc123"').optional(),
  'identity-pool-id': id('an identity pool id such as "pool-AbCd"').optional(),
  ...Object.fromEntries(SECRET_KEYS.map((key) => [key, z.unknown().optional()])),
};

export const registrySection = z.strictObject(REGISTRY_SHAPE, { error: 'a mapping with `url` and optional `timeout-ms`, `retries`, `ca-file`, ...' });
export const onRegistryUnavailableSection = z.enum(ON_REGISTRY_UNAVAILABLE, { error: 'one of fail, offline' });

export type RawRegistry = z.infer<typeof registrySection>;

/** The keys allowed under `registry`, for "unknown key" messages (secret keys are not offered). */
export function registryAllowedKeys(keyPath: readonly PropertyKey[]): readonly string[] | undefined {
  if (keyPath.length === 1 && keyPath[0] === 'registry') return Object.keys(REGISTRY_SHAPE).filter((key) => !(SECRET_KEYS as readonly string[]).includes(key));
  return undefined;
}

/** Settings from the raw sections; secrets in the file become issues that never quote the value. */
export function normaliseRegistrySections(
  raw: { registry?: RawRegistry; 'on-registry-unavailable'?: OnRegistryUnavailable },
  file: string,
  locate: Locator,
): { registry?: RegistryConfigSettings; onRegistryUnavailable: OnRegistryUnavailable; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const onRegistryUnavailable = raw['on-registry-unavailable'] ?? 'fail';
  const r = raw.registry;
  if (r === undefined) return { onRegistryUnavailable, issues };
  const at = (keyPath: (string | number)[], problem: string): ConfigIssue => ({ file, ...locate(keyPath, 'key'), path: formatKeyPath(keyPath), problem });
  for (const key of SECRET_KEYS) {
    if ((r as Record<string, unknown>)[key] !== undefined) issues.push(at(['registry', key], 'secrets must not be in the config file, which is committed; set them in the environment (GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN)'));
  }
  (r.url ?? []).forEach((text, index) => {
    if (/^https?:\/\/[^/]*@/.test(text)) issues.push(at(['registry', 'url', index], 'the URL carries credentials (user:password@); remove them and set GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET instead'));
  });
  for (const name of Object.keys(r.headers ?? {})) {
    if (/^(authorization|proxy-authorization|cookie)$/i.test(name)) issues.push(at(['registry', 'headers', name], 'this header carries credentials; use the environment variables instead'));
  }
  if ((r['cert-file'] === undefined) !== (r['key-file'] === undefined)) issues.push(at(['registry'], 'give `cert-file` and `key-file` together for mutual TLS'));
  const registry: RegistryConfigSettings = {
    urls: r.url ?? [],
    headers: { ...r.headers },
    ...defined({
      timeoutMs: r['timeout-ms'],
      maxAttempts: r.retries,
      maxConcurrency: r['max-concurrency'],
      caFile: r['ca-file'],
      certFile: r['cert-file'],
      keyFile: r['key-file'],
      logicalCluster: r['logical-cluster'],
      identityPoolId: r['identity-pool-id'],
    }),
  };
  return { registry, onRegistryUnavailable, issues };
}

function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
