/** Small Avro schema texts with one field per line, so findings land on predictable lines. */

/** A record with fields on lines 6, 7, ... (column 5), in namespace com.acme. */
export function record(name: string, fields: readonly object[]): string {
  const lines = fields.map((field, i) => `    ${JSON.stringify(field)}${i < fields.length - 1 ? ',' : ''}`);
  return ['{', '  "type": "record",', `  "name": ${JSON.stringify(name)},`, '  "namespace": "com.acme",', '  "fields": [', ...lines, '  ]', '}', ''].join('\n');
}

export const SYMBOL = { name: 'symbol', type: 'string' };
export const PRICE = { name: 'price', type: 'double' };

/** Ticks and trades by topic; any other schema file by its record name. */
export const CONFIG = [
  'version: 1',
  'defaults:',
  '  strategy: RecordNameStrategy',
  'subjects:',
  '  - files: schemas/ticks.avsc',
  '    topic: market.ticks',
  '  - files: schemas/trades.avsc',
  '    topic: market.trades',
  '    compatibility: FULL',
  '',
].join('\n');
