/**
 * Maps a key path in a parsed YAML document back to a line and column, so every config message can
 * point at the offending key or value.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

export type Locator = (path: readonly PropertyKey[], target?: 'key' | 'value') => YamlPosition;

/**
 * Returns a function giving the position of the value (or key) at a path. When the path does not
 * exist (a missing key), the deepest existing node on the way is used: the mapping that lacks it.
 */
export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  return (path, target = 'value') => {
    const offset = findOffset(doc, path, target);
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}

function findOffset(doc: Document, path: readonly PropertyKey[], target: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key) ?? offset;
      if (last && target === 'key') return keyStart;
      node = pair.value;
      offset = rangeStart(node) ?? keyStart;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return offset;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
