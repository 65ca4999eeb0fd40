/**
 * One string per distinct path, looked up by its UTF-8 bytes: manifest lists repeat the same manifest paths
 * thousands of times, and decoding each occurrence into a fresh string only to find it in a Map costs more than
 * the rest of the scan. Open addressing over an FNV-1a hash of the bytes; the known paths' bytes live in one
 * growing pool (typed arrays only, so lookups allocate nothing); a string is created once per distinct path.
 */
export class PathInterner {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
  /** Path i's bytes are pool[starts[i] .. starts[i + 1]). */
  private starts = new Int32Array((1 << 11) + 1);
  private pool: Buffer = Buffer.alloc(1 << 16);
  private readonly strings: string[] = [];

  get size(): number {
    return this.strings.length;
  }

  fromBytes(buf: Buffer, from: number, to: number): string {
    return this.strings[this.indexOf(buf, from, to)] as string;
  }

  /** A dense index (0, 1, 2, … in order of first appearance) for the path with these bytes. */
  indexOf(buf: Buffer, from: number, to: number): number {
    const start = from | 0; // offsets may arrive as doubles; small integers keep the byte loops fast
    const end = to | 0;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const index = this.slots[at] as number;
      if (index === -1) return this.add(at, hash, buf, start, end);
      if (this.hashes[index] === hash && this.sameBytes(index, buf, start, end)) return index;
    }
  }

  indexOfString(path: string): number {
    const buf = Buffer.from(path, 'utf8');
    return this.indexOf(buf, 0, buf.length);
  }

  text(index: number): string {
    const text = this.strings[index];
    if (text === undefined) throw new RangeError(`no interned path ${index}`);
    return text;
  }

  private sameBytes(index: number, buf: Buffer, start: number, end: number): boolean {
    const from = this.starts[index] as number;
    const length = (this.starts[index + 1] as number) - from;
    if (length !== end - start) return false;
    const pool = this.pool;
    for (let i = length - 1; i >= 0; i--) if (pool[from + i] !== buf[start + i]) return false; // paths differ at the end
    return true;
  }

  private add(at: number, hash: number, buf: Buffer, start: number, end: number): number {
    const index = this.strings.length;
    if (index + 1 >= this.hashes.length) this.growArrays();
    const from = this.starts[index] as number;
    if (from + end - start > this.pool.length) this.pool = copied(this.pool, Math.max(2 * this.pool.length, from + end - start));
    buf.copy(this.pool, from, start, end);
    this.starts[index + 1] = from + end - start;
    this.hashes[index] = hash;
    this.slots[at] = index;
    this.strings.push(buf.toString('utf8', start, end));
    if (this.strings.length * 2 > this.slots.length) this.rehash();
    return index;
  }

  private growArrays(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.hashes = hashes;
    this.starts = starts;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let index = 0; index < this.strings.length; index++) {
      let at = (this.hashes[index] as number) & mask;
      while (slots[at] !== -1) at = (at + 1) & mask;
      slots[at] = index;
    }
    this.slots = slots;
  }
}

function copied(buf: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size);
  buf.copy(out);
  return out;
}
