/**
 * Deterministic generator of realistic reader/writer schema pairs for benchmarks: market-data style
 * records of 8–25 fields with nested records, enums, nullable unions, arrays, maps and decimals, and a
 * writer that is an evolution of the reader (fields added, removed, promoted, symbols changed), about a
 * fifth of them incompatible.
 */

export interface SchemaPair {
  readonly reader: string;
  readonly writer: string;
}

type Json = Record<string, unknown>;

/** mulberry32: small, fast and reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIMITIVES = ['int', 'long', 'string', 'double', 'boolean', 'bytes', 'float'];

export function generatePairs(count: number, seed = 42): SchemaPair[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let counter = 0;

  function field(depth: number): Json {
    const name = `f${counter++}`;
    const roll = next();
    if (roll < 0.45) return { name, type: pick(PRIMITIVES) };
    if (roll < 0.6) return { name, type: ['null', pick(PRIMITIVES)], default: null };
    if (roll < 0.7) {
      return { name, type: { type: 'enum', name: `E${counter++}`, symbols: ['A', 'B', 'C', 'D', 'UNKNOWN'].slice(0, 3 + Math.floor(next() * 3)) } };
    }
    if (roll < 0.78) return { name, type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } };
    if (roll < 0.84) return { name, type: { type: 'map', values: pick(PRIMITIVES) } };
    if (roll < 0.92 && depth < 2) return { name, type: { type: 'array', items: record(depth + 1, 3 + Math.floor(next() * 4)) } };
    if (depth < 2) return { name, type: record(depth + 1, 3 + Math.floor(next() * 5)) };
    return { name, type: { type: 'long', logicalType: 'timestamp-micros' } };
  }

  function record(depth: number, fields: number): Json {
    return { type: 'record', name: `R${counter++}`, namespace: 'com.market.bench', fields: Array.from({ length: fields }, () => field(depth)) };
  }

  function evolve(schema: Json): Json {
    const copy = structuredClone(schema) as { fields: Json[] };
    const changes = 1 + Math.floor(next() * 3);
    for (let i = 0; i < changes; i++) {
      const roll = next();
      const index = Math.floor(next() * copy.fields.length);
      const target = copy.fields[index]!;
      if (roll < 0.35) copy.fields.push({ name: `added${counter++}`, type: 'string', default: '' });
      else if (roll < 0.55 && copy.fields.length > 2) copy.fields.splice(index, 1);
      else if (roll < 0.7 && target.type === 'int') target.type = 'long';
      else if (roll < 0.8) target.doc = 'changed';
      else if (roll < 0.9) copy.fields.push({ name: `required${counter++}`, type: 'long' }); // incompatible for a new reader
      else if (typeof target.type === 'string' && !('default' in target)) target.type = target.type === 'string' ? 'int' : 'string';
    }
    return copy;
  }

  return Array.from({ length: count }, () => {
    const writer = record(0, 8 + Math.floor(next() * 18));
    return { writer: JSON.stringify(writer), reader: JSON.stringify(evolve(writer)) };
  });
}

/**
 * Small pairs, as most registry subjects are: a record of 2–6 primitive or nullable fields, and a
 * writer that adds, removes or promotes one field (about a fifth incompatible).
 */
export function generateSmallPairs(count: number, seed = 7): SchemaPair[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const fields: Json[] = Array.from({ length: 2 + Math.floor(next() * 5) }, (_, k) =>
      next() < 0.7 ? { name: `f${k}`, type: pick(PRIMITIVES) } : { name: `f${k}`, type: ['null', pick(PRIMITIVES)], default: null },
    );
    const writer = { type: 'record', name: `Small${i}`, namespace: 'com.market.bench', fields };
    const evolved = structuredClone(fields);
    const roll = next();
    if (roll < 0.4) evolved.push({ name: 'added', type: 'string', default: '' });
    else if (roll < 0.6 && evolved.length > 2) evolved.pop();
    else if (roll < 0.8) evolved.push({ name: 'required', type: 'long' });
    else evolved[0] = { ...evolved[0], type: evolved[0]!.type === 'int' ? 'long' : 'string' };
    return { writer: JSON.stringify(writer), reader: JSON.stringify({ ...writer, fields: evolved }) };
  });
}
