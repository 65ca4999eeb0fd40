/** Small Orders schemas for the deprecation tests: fields and enum symbols with and without markers. */
import { loadSchemaText } from '../../../src/avro/load.js';
import type { Schema } from '../../../src/avro/model.js';

export interface OrderOptions {
  /** Extra attributes of the `note` field, e.g. `{ deprecated: true }`; undefined removes the field. */
  readonly note?: Record<string, unknown>;
  readonly noteDoc?: string;
  readonly sideSymbols?: readonly string[];
  readonly deprecatedSymbols?: readonly string[];
  readonly recordAttributes?: Record<string, unknown>;
}

export function ordersJson(options: OrderOptions = {}): string {
  const fields: unknown[] = [{ name: 'id', type: 'long' }];
  if (options.note !== undefined) fields.push({ name: 'note', type: 'string', ...(options.noteDoc !== undefined && { doc: options.noteDoc }), ...options.note });
  fields.push({
    name: 'side',
    type: {
      type: 'enum',
      name: 'Side',
      symbols: options.sideSymbols ?? ['BUY', 'SELL', 'HOLD'],
      ...(options.deprecatedSymbols !== undefined && { deprecatedSymbols: options.deprecatedSymbols }),
    },
  });
  return `${JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.acme', fields, ...options.recordAttributes }, null, 2)}\n`;
}

export function orders(options: OrderOptions = {}): Schema {
  return loadSchemaText(ordersJson(options)).schema;
}
