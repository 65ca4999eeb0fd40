/**
 * The registry options of `guardrails backup` and `guardrails restore`, and the clients built from
 * them. Credentials come only from the environment (GUARDRAILS_REGISTRY_API_KEY and _API_SECRET, or
 * GUARDRAILS_REGISTRY_BEARER_TOKEN with _LOGICAL_CLUSTER and _IDENTITY_POOL_ID), never from a flag
 * or a URL, so they stay out of process lists, shell history and logs.
 */
import { authFromEnv, createRegistryClient, parseRegistrySettings, type RegistryClientHandle, type RegistrySettings } from '../../registry/index.js';
import type { CliIo } from '../io.js';
import { option } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { intValue } from '../options/int.js';
import { registryUrlOption } from './shared.js';

export const REGISTRY_GROUP = 'Schema Registry';
export const DEFAULT_CONCURRENCY = 8;

/** `--registry-url` (required, or $GUARDRAILS_REGISTRY_URL), `--registry-timeout-ms`, `--concurrency`. */
export const registryOptions = {
  'registry-url': { ...registryUrlOption(REGISTRY_GROUP), required: true },
  'registry-timeout-ms': option({ placeholder: 'MS', description: 'Per-request timeout, 1-600000 (default 30000)', parse: intValue(1, 600_000), group: REGISTRY_GROUP }),
  concurrency: option({
    placeholder: 'N',
    description: `Requests in flight at once, 1-64 (default ${DEFAULT_CONCURRENCY})`,
    parse: intValue(1, 64),
    fallback: DEFAULT_CONCURRENCY,
    group: REGISTRY_GROUP,
  }),
};

export const progressOption = option({
  placeholder: 'MODE',
  description: 'auto (default: a bar in a terminal, a line every 10% in CI and logs), bar, lines or none',
  parse: enumValue(['auto', 'bar', 'lines', 'none'] as const),
  fallback: 'auto' as 'auto' | 'bar' | 'lines' | 'none',
});

export interface RegistryValues {
  readonly 'registry-url': string | undefined;
  readonly 'registry-timeout-ms': number | undefined;
  readonly concurrency: number;
}

/**
 * The client settings; a RegistryError of kind `invalid-settings` (exit 2) names the variables at
 * fault, never their values. Pure: call it in preflight, and again in run.
 */
export function registrySettings(values: RegistryValues, env: CliIo['env']): RegistrySettings {
  const auth = authFromEnv(env);
  return parseRegistrySettings({
    url: values['registry-url'] ?? '',
    ...(auth ? { auth } : {}),
    maxConcurrency: values.concurrency,
    ...(values['registry-timeout-ms'] !== undefined ? { timeoutMs: values['registry-timeout-ms'] } : {}),
  });
}

/**
 * The run's client, which sends nothing once `signal` is aborted (`onAttempt` counts what it sends), and a factory for the client
 * that undoes temporary state under its own deadline (cut at once when the deadline passes).
 */
export function openRegistry(
  settings: RegistrySettings,
  signal: AbortSignal,
  onAttempt?: () => void,
): { client: RegistryClientHandle; openCleanupClient: (deadline: AbortSignal) => RegistryClientHandle } {
  return {
    client: createRegistryClient(settings, { signal, ...(onAttempt ? { onAttempt } : {}) }),
    openCleanupClient: (deadline) => createRegistryClient(settings, { signal: deadline, settleMs: 0 }),
  };
}
