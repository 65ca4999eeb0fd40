/**
 * The real RegistryClient: settings are validated here, once, then every call goes through one
 * transport (axios, retries, failover, one concurrency limit for the whole client).
 */
import type { RegistryClientHandle } from './client.js';
import { readOps } from './read-ops.js';
import { isParsedSettings, parseRegistrySettings } from './settings.js';
import { createTransport, type TransportDeps } from './transport.js';
import { writeOps } from './write-ops.js';

/**
 * Builds a client from raw settings (validated here; an invalid value throws a RegistryError of
 * kind `invalid-settings`) or from the result of parseRegistrySettings. The returned object keeps
 * the settings in a closure, so inspecting or serialising it shows no credentials.
 */
export function createRegistryClient(settings: unknown, deps: TransportDeps = {}): RegistryClientHandle {
  const parsed = isParsedSettings(settings) ? settings : parseRegistrySettings(settings);
  const transport = createTransport(parsed, deps);
  return {
    ...readOps(transport, parsed.pageSize),
    ...writeOps(transport),
    close: () => transport.close(),
  };
}
