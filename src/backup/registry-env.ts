/**
 * Registry settings for `guardrails backup` and `guardrails restore`, read once from the command
 * line and the environment. Credentials come only from the environment, so they never appear in a
 * process list, a shell history or a workflow log line.
 *
 *   GUARDRAILS_REGISTRY_URL           base URL (comma-separated for several); --registry-url wins
 *   GUARDRAILS_REGISTRY_API_KEY       basic auth user / Confluent Cloud API key
 *   GUARDRAILS_REGISTRY_API_SECRET    basic auth password / API secret
 *   GUARDRAILS_REGISTRY_BEARER_TOKEN  OAuth bearer token (instead of key and secret)
 *   GUARDRAILS_REGISTRY_LOGICAL_CLUSTER, GUARDRAILS_REGISTRY_IDENTITY_POOL_ID  Confluent Cloud OAuth headers
 */
import { authFromEnv, parseRegistrySettings, REGISTRY_ENV, RegistryError, type RegistrySettings } from '../registry/index.js';
import { BackupError } from './errors.js';

export { REGISTRY_ENV };

export interface RegistryFlags {
  readonly url?: string;
  readonly concurrency?: number;
}

export function registrySettingsFrom(flags: RegistryFlags, env: NodeJS.ProcessEnv): RegistrySettings {
  const url = flags.url ?? env[REGISTRY_ENV.url];
  if (!url) {
    throw new BackupError('invalid-input', `no registry URL: give --registry-url or set ${REGISTRY_ENV.url}`, 'e.g. --registry-url https://psrc-xxxx.us-east-2.aws.confluent.cloud');
  }
  let auth;
  try {
    auth = authFromEnv(env);
  } catch (error) {
    if (error instanceof RegistryError) throw new BackupError('invalid-input', error.issues?.[0] ?? error.message);
    throw error;
  }
  return parseRegistrySettings({ url, ...(auth ? { auth } : {}), ...(flags.concurrency ? { maxConcurrency: flags.concurrency } : {}) });
}
