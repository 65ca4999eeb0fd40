/**
 * The JSON Schema of guardrails.yaml, for editors (completion and checking as you type). Generated
 * from the same zod schema that validates the file, so the two cannot drift; a test compares it with
 * the committed docs/guardrails.schema.json.
 */
import { z } from 'zod';
import { configSchema, globs } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // A glob list may also be written as one glob; zod's preprocess step is invisible to JSON Schema.
      if (ctx.zodSchema === globs) {
        const list = { ...ctx.jsonSchema };
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        ctx.jsonSchema.anyOf = [{ type: 'string', minLength: 1 }, list];
      }
    },
  });
  return {
    ...schema,
    title: 'guardrails.yaml',
    description: 'Guardrails configuration: schema files, subjects and levels, the registry, the pull-request policy, the jobs. Reference: docs/configuration.md.',
  };
}
