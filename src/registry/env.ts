/**
 * Registry credentials from the environment, the one place they are read. Every command that talks
 * to a registry (check, backup, restore, the action) takes them from here, never from flags (process
 * lists, shell history) or config files (committed).
 */
import { RegistryError } from './errors.js';
import type { RegistryAuth } from './settings.js';

export const REGISTRY_ENV = {
  /** Base URL, comma-separated for several; a command's --registry-url wins. */
  url: 'GUARDRAILS_REGISTRY_URL',
  /** Basic auth user, or Confluent Cloud API key. */
  apiKey: 'GUARDRAILS_REGISTRY_API_KEY',
  /** Basic auth password, or Confluent Cloud API secret. */
  apiSecret: 'GUARDRAILS_REGISTRY_API_SECRET',
  /** OAuth bearer token, instead of key and secret. */
  bearerToken: 'GUARDRAILS_REGISTRY_BEARER_TOKEN',
  /** Confluent Cloud OAuth headers `target-sr-cluster` and `Confluent-Identity-Pool-Id`. */
  logicalCluster: 'GUARDRAILS_REGISTRY_LOGICAL_CLUSTER',
  identityPoolId: 'GUARDRAILS_REGISTRY_IDENTITY_POOL_ID',
  /** TLS and mutual TLS, as PEM files. */
  caFile: 'GUARDRAILS_REGISTRY_CA_FILE',
  certFile: 'GUARDRAILS_REGISTRY_CERT_FILE',
  keyFile: 'GUARDRAILS_REGISTRY_KEY_FILE',
  keyPassphrase: 'GUARDRAILS_REGISTRY_KEY_PASSPHRASE',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The authentication the environment asks for; undefined when it sets none. Throws a RegistryError
 * of kind `invalid-settings` that names the variables at fault, never their values.
 */
export function authFromEnv(env: Env, bearerDefaults: { logicalCluster?: string; identityPoolId?: string } = {}): RegistryAuth | undefined {
  const key = nonEmpty(env[REGISTRY_ENV.apiKey]);
  const secret = nonEmpty(env[REGISTRY_ENV.apiSecret]);
  const token = nonEmpty(env[REGISTRY_ENV.bearerToken]);
  if ((key === undefined) !== (secret === undefined)) invalid(`set both ${REGISTRY_ENV.apiKey} and ${REGISTRY_ENV.apiSecret}, or neither`);
  if (key !== undefined && token !== undefined) invalid(`set either ${REGISTRY_ENV.apiKey}/${REGISTRY_ENV.apiSecret} or ${REGISTRY_ENV.bearerToken}, not both`);
  if (key !== undefined && secret !== undefined) return { type: 'basic', username: key, password: secret };
  if (token === undefined) return undefined;
  const logicalCluster = nonEmpty(env[REGISTRY_ENV.logicalCluster]) ?? bearerDefaults.logicalCluster;
  const identityPoolId = nonEmpty(env[REGISTRY_ENV.identityPoolId]) ?? bearerDefaults.identityPoolId;
  return {
    type: 'bearer',
    token,
    ...(logicalCluster !== undefined && { logicalCluster }),
    ...(identityPoolId !== undefined && { identityPoolId }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function invalid(problem: string): never {
  throw new RegistryError(`invalid client settings: ${problem}`, { kind: 'invalid-settings', issues: [problem] });
}
