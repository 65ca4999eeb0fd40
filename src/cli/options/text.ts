/** A non-empty string, optionally matching a pattern. */
import { InvalidValue, type Parser } from './invalid-value.js';

export function textValue(pattern?: RegExp, expected?: string): Parser<string> {
  return (text) => {
    if (text.trim() === '') throw new InvalidValue('is empty', expected ? `give ${expected}` : undefined);
    if (pattern && !pattern.test(text)) throw new InvalidValue(`is not ${expected ?? `of the form ${pattern.source}`}`);
    return text;
  };
}
