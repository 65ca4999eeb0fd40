import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPATIBILITY_LEVELS } from '../../../src/avro/compat/index.js';
import { configJsonSchema } from '../../../src/policy/config/json-schema.js';

type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; enum?: unknown[]; additionalProperties?: unknown; type?: string };

describe('the JSON Schema of guardrails.yaml', () => {
  const schema = configJsonSchema() as Node;

  it('is the committed docs/guardrails.schema.json (npm run build regenerates it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/guardrails.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('completes every top-level section and rejects unknown keys, as the loader does', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'version', 'schemas', 'defaults', 'subjects', 'registry', 'on-registry-unavailable', 'approvals', 'deprecation', 'followups', 'schedule',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('accepts a glob or a list of globs, and offers the seven levels', () => {
    const entry = schema.properties?.subjects?.items;
    expect(entry?.properties?.files?.anyOf?.map((n) => n.type)).toEqual(['string', 'array']);
    expect(entry?.properties?.compatibility?.enum).toEqual([...COMPATIBILITY_LEVELS]);
  });
});
