/**
 * A registry with every feature a backup must keep: references across subjects and contexts,
 * soft-deleted versions and subjects, metadata and rule sets, configs and modes at every scope.
 * Built over HTTP with our client, as an operator would.
 */
import type { RestoreDeps } from '../../src/backup/restore.js';
import { createRegistryClient, type RegistryClient, type TransportDeps } from '../../src/registry/index.js';
import type { RegistryState } from '../support/test-registry/index.js';

export const PRICE_LEVEL = JSON.stringify({
  type: 'record',
  name: 'PriceLevel',
  namespace: 'com.market.common',
  fields: [
    { name: 'price', type: 'double' },
    { name: 'quantity', type: 'long' },
  ],
});

/** A record schema; a field given as `[name, type]` with a union type gets `default: null`. */
export const record = (name: string, ...fields: [string, unknown][]) =>
  JSON.stringify({
    type: 'record',
    name,
    namespace: 'com.market',
    fields: fields.map(([n, type]) => (Array.isArray(type) ? { name: n, type, default: null } : { name: n, type })),
  });

const BOOK_V1 = record('Book', ['symbol', 'string'], ['bids', { type: 'array', items: 'com.market.common.PriceLevel' }]);
const BOOK_V2 = record('Book', ['symbol', 'string'], ['bids', { type: 'array', items: 'com.market.common.PriceLevel' }], ['seq', ['null', 'long']]);

export function clientFor(url: string, extra: Record<string, unknown> = {}): RegistryClient {
  return createRegistryClient({ url, retry: { maxAttempts: 1 }, ...extra });
}

/** Fills `url` with the fixture; returns nothing (read the registry to see it). */
export async function buildFixture(url: string): Promise<void> {
  const c = clientFor(url);
  const priceRef = { name: 'com.market.common.PriceLevel', subject: 'com.market.common.PriceLevel', version: 1 };
  await c.setGlobalConfig({ compatibility: 'BACKWARD_TRANSITIVE' });
  await c.register('com.market.common.PriceLevel', { schema: PRICE_LEVEL });
  await c.register('market.book-value', { schema: BOOK_V1, references: [priceRef] });
  await c.register('market.book-value', {
    schema: BOOK_V2,
    references: [priceRef],
    metadata: { properties: { owner: 'market-data' } },
    ruleSet: { domainRules: [{ name: 'checkSymbol', kind: 'CONDITION', type: 'CEL', expr: 'message.symbol != ""' }] },
  });
  await c.register('market.ticks-value', { schema: record('Tick', ['price', 'double']) });
  await c.register('market.ticks-value', { schema: record('Tick', ['price', 'double'], ['size', ['null', 'long']]) });
  await c.register('market.ticks-value', { schema: record('Tick', ['price', 'double'], ['size', ['null', 'long']], ['venue', ['null', 'string']]) });
  await c.deleteVersion('market.ticks-value', 2);
  await c.register('old.topic-value', { schema: record('Old', ['a', 'int']) });
  await c.deleteSubject('old.topic-value');
  await c.register('odd/name:with%chars', { schema: record('Odd', ['x', 'int']) });
  await c.setSubjectConfig('market.ticks-value', { compatibility: 'FULL', normalize: true });
  await c.register(':.staging:orders-value', { schema: record('Order', ['id', 'string']) });
  await c.register(':.staging:orders-value', { schema: record('Order', ['id', 'string'], ['qty', ['null', 'int']]) });
  await c.register(':.staging:quotes-value', { schema: record('Quote', ['bid', 'double']) });
  // A reference from a named context into the default one.
  await c.register(':.staging:book-value', { schema: BOOK_V1, references: [{ ...priceRef, subject: ':.:com.market.common.PriceLevel' }] });
  await c.setSubjectConfig(':.staging:', { compatibility: 'NONE' });
  await c.setSubjectMode(':.staging:quotes-value', 'READONLY');
  await c.setSubjectMode('market.book-value', 'READONLY');
}

/** Everything the test registry stores, in a comparable form (timestamps left out). */
export function stateOf(state: RegistryState): unknown {
  const versions = [...state.everyVersion()]
    .map(({ ts: _ts, ...v }) => v)
    .sort((a, b) => (a.subject === b.subject ? a.version - b.version : a.subject < b.subject ? -1 : 1));
  const sorted = <V>(m: Map<string | null, V>) => [...m].sort(([a], [b]) => String(a).localeCompare(String(b)));
  return { versions, configs: sorted(state.configs), modes: sorted(state.modes), contexts: [...state.contexts].sort() };
}

/** What `restore` needs besides the options: the client, a cleanup client per deadline, no stop. */
export function restoreDeps(url: string, extra: Record<string, unknown> = {}, transport: TransportDeps = {}): RestoreDeps {
  const settings = { url, retry: { maxAttempts: 1 }, ...extra };
  return {
    client: createRegistryClient(settings, transport),
    openCleanupClient: (deadline) => createRegistryClient(settings, { ...transport, signal: deadline, settleMs: 0 }),
    signal: new AbortController().signal,
    concurrency: 8,
  };
}

/** A whole backup, with its ids, into the registry at `url`. */
export const FULL_RESTORE = { selection: { globs: [], subjects: [] }, preserveIds: true, dryRun: false } as const;
