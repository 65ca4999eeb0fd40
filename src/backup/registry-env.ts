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
import { parseRegistrySettings, type RegistrySettings } from '../registry/index.js';
import { BackupError } from './errors.js';

export const REGISTRY_ENV = {
  url: 'GUARDRAILS_REGISTRY_URL',
  apiKey: 'GUARDRAILS_REGISTRY_API_KEY',
  apiSecret: 'GUARDRAILS_REGISTRY_API_SECRET',
  bearerToken: 'GUARDRAILS_REGISTRY_BEARER_TOKEN',
  logicalCluster: 'GUARDRAILS_REGISTRY_LOGICAL_CLUSTER',
  identityPoolId: 'GUARDRAILS_REGISTRY_IDENTITY_POOL_ID',
} as const;

export interface RegistryFlags {
  readonly url?: string;
  readonly concurrency?: number;
}

export function registrySettingsFrom(flags: RegistryFlags, env: NodeJS.ProcessEnv): RegistrySettings {
  const url = flags.url ?? env[REGISTRY_ENV.url];
  if (!url) {
    throw new BackupError('invalid-input', `no registry URL: give --registry-url or set ${REGISTRY_ENV.url}`, 'e.g. --registry-url https://psrc-xxxx.us-east-2.aws.confluent.cloud');
  }
  const key = env[REGISTRY_ENV.apiKey];
  const secret = env[REGISTRY_ENV.apiSecret];
  const token = env[REGISTRY_ENV.bearerToken];
  if ((key === undefined) !== (secret === undefined)) {
    throw new BackupError('invalid-input', `set both ${REGISTRY_ENV.apiKey} and ${REGISTRY_ENV.apiSecret}, or neither`);
  }
  if (key !== undefined && token !== undefined) {
    throw new BackupError('invalid-input', `set either ${REGISTRY_ENV.apiKey}/${REGISTRY_ENV.apiSecret} or ${REGISTRY_ENV.bearerToken}, not both`);
  }
  const auth =
    key !== undefined && secret !== undefined
      ? { type: 'basic' as const, username: key, password: secret }
      : token !== undefined
        ? {
            type: 'bearer' as const,
            token,
            ...(env[REGISTRY_ENV.logicalCluster] ? { logicalCluster: env[REGISTRY_ENV.logicalCluster] } : {}),
            ...(env[REGISTRY_ENV.identityPoolId] ? { identityPoolId: env[REGISTRY_ENV.identityPoolId] } : {}),
          }
        : undefined;
  return parseRegistrySettings({ url, ...(auth ? { auth } : {}), ...(flags.concurrency ? { maxConcurrency: flags.concurrency } : {}) });
}
