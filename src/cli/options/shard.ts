/** `--shard k/n` with 0 <= k < n: a GitHub Actions matrix index or a Kubernetes Indexed Job's index. */
import { InvalidValue, type Parser } from './invalid-value.js';

export interface ShardValue {
  readonly index: number;
  readonly count: number;
}

export const shardValue: Parser<ShardValue> = (text) => {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index >= count) throw new InvalidValue('is not k/n with 0 <= k < n', 'e.g. --shard 0/4 … --shard 3/4');
  return { index, count };
};
