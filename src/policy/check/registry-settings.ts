/**
 * The registry connection of `guardrails check`, read once from flags, the environment and the
 * config's `registry` section (flags win over the environment, which wins over the config).
 *
 * Credentials come only from the environment, never from flags (process lists, shell history) or the
 * config file (committed):
 *
 *   GUARDRAILS_REGISTRY_URL                 base URL, comma-separated for several (--registry-url wins)
 *   GUARDRAILS_REGISTRY_API_KEY / _API_SECRET   basic auth (Confluent Cloud API key and secret)
 *   GUARDRAILS_REGISTRY_BEARER_TOKEN        OAuth bearer token (instead of key and secret)
 *   GUARDRAILS_REGISTRY_LOGICAL_CLUSTER, GUARDRAILS_REGISTRY_IDENTITY_POOL_ID   Confluent Cloud OAuth headers
 *   GUARDRAILS_REGISTRY_CA_FILE, _CERT_FILE, _KEY_FILE, _KEY_PASSPHRASE   TLS and mutual TLS (PEM files)
 */
import { isAbsolute, join } from 'node:path';
import { authFromEnv, parseRegistrySettings, REGISTRY_ENV, RegistryError, type RegistrySettings } from '../../registry/index.js';
import type { RegistryConfigSettings } from '../config/registry-section.js';
import { InputError } from './errors.js';

export { REGISTRY_ENV };

/** Non-secret command-line settings. */
export interface RegistryFlags {
  readonly url?: string;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
}

export interface RegistryInputs {
  readonly flags: RegistryFlags;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a PEM file (absolute path). */
  readonly readFile: (path: string) => Promise<string>;
}

/** The registry URL(s) from flag, env or config; undefined when none is given (then the check is offline). */
export function registryUrlOf(inputs: RegistryInputs, config: RegistryConfigSettings | undefined): string | undefined {
  const fromConfig = config?.urls.length ? config.urls.join(',') : undefined;
  return nonEmpty(inputs.flags.url) ?? nonEmpty(inputs.env[REGISTRY_ENV.url]) ?? fromConfig;
}

/** Validated client settings; throws InputError naming the variable or key at fault, never a secret. */
export async function registrySettingsOf(inputs: RegistryInputs, config: RegistryConfigSettings | undefined, root: string, cwd: string): Promise<RegistrySettings> {
  const { flags, env } = inputs;
  const url = registryUrlOf(inputs, config);
  if (url === undefined) throw new InputError(`no registry URL: give --registry-url, set ${REGISTRY_ENV.url}, or set registry.url in guardrails.yaml`);
  const files = {
    ca: flags.caFile ? join2(cwd, flags.caFile) : env[REGISTRY_ENV.caFile] ? join2(cwd, env[REGISTRY_ENV.caFile]) : config?.caFile && join2(root, config.caFile),
    cert: flags.certFile ? join2(cwd, flags.certFile) : env[REGISTRY_ENV.certFile] ? join2(cwd, env[REGISTRY_ENV.certFile]) : config?.certFile && join2(root, config.certFile),
    key: flags.keyFile ? join2(cwd, flags.keyFile) : env[REGISTRY_ENV.keyFile] ? join2(cwd, env[REGISTRY_ENV.keyFile]) : config?.keyFile && join2(root, config.keyFile),
  };
  const tls = await readTls(files, env[REGISTRY_ENV.keyPassphrase], inputs.readFile);
  const auth = authOf(env, config);
  try {
    return parseRegistrySettings({
      url,
      ...auth,
      ...(tls && { tls }),
      headers: { ...config?.headers },
      ...definedOnly({
        timeoutMs: flags.timeoutMs ?? config?.timeoutMs,
        maxConcurrency: flags.concurrency ?? config?.maxConcurrency,
        retry: config?.maxAttempts === undefined ? undefined : { maxAttempts: config.maxAttempts },
      }),
    });
  } catch (error) {
    if (error instanceof RegistryError) throw new InputError(`registry settings: ${error.issues?.join('; ') ?? error.message}`);
    throw error;
  }
}

function authOf(env: RegistryInputs['env'], config: RegistryConfigSettings | undefined): { auth?: object } {
  try {
    const auth = authFromEnv(env, definedOnly({ logicalCluster: config?.logicalCluster, identityPoolId: config?.identityPoolId }));
    return auth === undefined ? {} : { auth };
  } catch (error) {
    if (error instanceof RegistryError) throw new InputError(error.issues?.[0] ?? error.message);
    throw error;
  }
}

async function readTls(
  files: { ca?: string; cert?: string; key?: string },
  passphrase: string | undefined,
  readFile: RegistryInputs['readFile'],
): Promise<{ ca?: string; cert?: string; key?: string; passphrase?: string } | undefined> {
  if (!files.ca && !files.cert && !files.key) return undefined;
  if (!files.cert !== !files.key) throw new InputError('mutual TLS needs both a client certificate and a key file (--registry-cert-file and --registry-key-file)');
  const read = async (path: string | undefined, what: string) => {
    if (!path) return undefined;
    try {
      return await readFile(path);
    } catch (error) {
      throw new InputError(`cannot read the registry ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
  };
  const [ca, cert, key] = await Promise.all([read(files.ca, 'CA'), read(files.cert, 'client certificate'), read(files.key, 'client key')]);
  return definedOnly({ ca, cert, key, passphrase: nonEmpty(passphrase) });
}

function join2(base: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return isAbsolute(path) ? path : join(base, path);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function definedOnly<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
