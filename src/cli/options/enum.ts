/** One of a fixed list of values, listed in the error. */
import { InvalidValue, type Parser } from './invalid-value.js';

export function enumValue<const T extends string>(allowed: readonly T[], options: { ignoreCase?: boolean } = {}): Parser<T> {
  return (text) => {
    const found = allowed.find((a) => (options.ignoreCase ? a.toLowerCase() === text.toLowerCase() : a === text));
    if (found === undefined) throw new InvalidValue(`is not one of ${allowed.join(', ')}`);
    return found;
  };
}
