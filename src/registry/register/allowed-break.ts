/**
 * Writing a breaking change the merged PR was allowed: with the subject's compatibilityGroup, a new
 * value of that metadata property (only versions of the same value are compared); without one, the
 * subject's level set to NONE for this one registration and put back afterwards, in `finally`,
 * under a deadline and with a client of its own, so a SIGTERM still restores it.
 */
import type { RegistryClient, RegistryClientHandle } from '../client.js';
import { RegistryError } from '../errors.js';
import { configToUpdate, type RegisterResult, type RegistryConfig, type SchemaInput } from '../types.js';

export interface BreakDeps {
  readonly client: RegistryClient;
  /** A client for undoing the temporary level, cut when `deadline` aborts. */
  readonly openCleanupClient: (deadline: AbortSignal) => RegistryClientHandle;
  readonly signal: AbortSignal;
  /** How long restoring the level may take (default 5 s, inside the 10 s a stop allows). */
  readonly restoreDeadlineMs?: number;
}

export type BreakOutcome =
  | { readonly kind: 'compatibility-group'; readonly result: RegisterResult; readonly property: string; readonly from?: string; readonly to: string }
  | { readonly kind: 'temporary-level'; readonly result?: RegisterResult; readonly restored: boolean; readonly error?: unknown };

/** The next value of a group property: "1" → "2"; absent counts as the first group. */
export function nextGroupValue(current: string | undefined): string | undefined {
  if (current === undefined) return '2';
  return /^\d+$/.test(current) ? String(Number(current) + 1) : undefined;
}

export function groupValueOf(metadata: unknown, property: string): string | undefined {
  const value = (metadata as { properties?: Record<string, unknown> } | undefined)?.properties?.[property];
  return typeof value === 'string' ? value : undefined;
}

export async function registerThroughGroup(
  client: RegistryClient,
  subject: string,
  input: SchemaInput,
  property: string,
  latestMetadata: unknown,
): Promise<BreakOutcome> {
  const from = groupValueOf(latestMetadata, property);
  const to = nextGroupValue(from);
  if (to === undefined) {
    throw new RegistryError(`${subject}: compatibilityGroup property ${property} is "${from ?? ''}", not a whole number, so the next group cannot be chosen`, {
      kind: 'invalid-request',
      hint: `Register the new major by hand with metadata.properties.${property} set, or use a numeric ${property}`,
      subject,
    });
  }
  const base = (latestMetadata ?? {}) as { properties?: Record<string, string> };
  const metadata = { ...base, properties: { ...(base.properties ?? {}), [property]: to } };
  const result = await client.register(subject, { ...input, metadata }, { normalize: true });
  return { kind: 'compatibility-group', result, property, ...(from !== undefined ? { from } : {}), to };
}

export async function registerThroughTemporaryLevel(deps: BreakDeps, subject: string, input: SchemaInput): Promise<BreakOutcome> {
  const prior = await deps.client.getSubjectConfig(subject);
  if (deps.signal.aborted) return { kind: 'temporary-level', restored: true, error: stoppedError(subject) };
  let result: RegisterResult | undefined;
  let error: unknown;
  let restored: boolean;
  try {
    await deps.client.setSubjectConfig(subject, { compatibility: 'NONE' });
    // A stop between the two writes: register nothing, still put the level back.
    if (deps.signal.aborted) throw stoppedError(subject);
    result = await deps.client.register(subject, input, { normalize: true });
  } catch (caught) {
    error = caught;
  } finally {
    restored = await restoreLevel(deps, subject, prior);
  }
  return { kind: 'temporary-level', ...(result ? { result } : {}), restored, ...(error !== undefined ? { error } : {}) };
}

async function restoreLevel(deps: BreakDeps, subject: string, prior: RegistryConfig | undefined): Promise<boolean> {
  const cleanup = deps.openCleanupClient(AbortSignal.timeout(deps.restoreDeadlineMs ?? 5_000));
  try {
    if (prior === undefined || prior.compatibilityLevel === undefined) await removeOverride(cleanup, subject);
    if (prior !== undefined) await cleanup.setSubjectConfig(subject, configToUpdate(prior));
    return true;
  } catch {
    return false;
  } finally {
    cleanup.close();
  }
}

/** No override left to remove (the NONE never landed) is as good as removed. */
async function removeOverride(client: RegistryClient, subject: string): Promise<void> {
  try {
    await client.deleteSubjectConfig(subject);
  } catch (error) {
    if (!(error instanceof RegistryError && error.kind === 'not-found')) throw error;
  }
}

function stoppedError(subject: string): RegistryError {
  return new RegistryError(`${subject}: stopped by a signal before the registration`, { kind: 'cancelled', subject });
}
