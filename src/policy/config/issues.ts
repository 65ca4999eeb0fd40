/** Turns zod validation issues into config issues with position, key path, bad value and expected form. */
import type { z } from 'zod';
import { formatKeyPath, showValue, type ConfigIssue } from './errors.js';
import type { Locator } from './locate.js';
import { allowedKeys } from './schema.js';

export function configIssuesFromZod(error: z.ZodError, file: string, locate: Locator, input: unknown): ConfigIssue[] {
  return error.issues.flatMap((issue) => fromZodIssue(issue, file, locate, input));
}

function fromZodIssue(issue: z.core.$ZodIssue, file: string, locate: Locator, input: unknown): ConfigIssue[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(path).join(', ');
    return issue.keys.map((key) => ({
      file,
      ...locate([...path, key], 'key'),
      path: formatKeyPath([...path, key].map(keySegment)),
      problem: `unknown key ${JSON.stringify(key)}; expected one of: ${allowed}`,
    }));
  }
  const value = valueAt(input, path);
  const problem = value === undefined ? `is missing; expected ${issue.message}` : `got ${showValue(value)}; expected ${issue.message}`;
  return [{ file, ...locate(path), path: formatKeyPath(path.map(keySegment)), problem }];
}

function keySegment(segment: PropertyKey): string | number {
  return typeof segment === 'number' ? segment : String(segment);
}

/** The input value at a path, read from the plain data (zod 4 reports `input` only on some issues). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    // A single glob written as a string is validated as item 0 of a one-item list.
    if (typeof value === 'string' && segment === 0) return value;
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment as string];
  }
  return value;
}
