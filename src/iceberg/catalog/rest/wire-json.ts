/**
 * JSON on the wire, lossless: snapshot ids pass 2^53, so response numbers stay LosslessNumbers (as in metadata
 * files) and request ids are written from their decimal text.
 */
import { parse, stringify } from 'lossless-json';

export function parseWireJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

export function wireJson(value: unknown): string {
  return stringify(value) ?? 'null';
}
