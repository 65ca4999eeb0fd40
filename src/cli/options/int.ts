/** Whole numbers in a range: `--concurrency 1..64`. */
import { InvalidValue, type Parser } from './invalid-value.js';

export function intValue(min: number, max: number): Parser<number> {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidValue(`is not a whole number from ${min} to ${max}`);
    }
    return value;
  };
}
