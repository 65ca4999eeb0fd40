/**
 * GitHub's output limits (trap 13): check-run summaries hold 65535 characters, comments 65536, a job
 * summary 1 MiB. Markdown over a limit is cut at the last whole line that fits, so no table row,
 * character or surrogate pair is split, and a note says where the rest is.
 */

/** How a limit is measured: UTF-16 code units (GitHub's character limits) or UTF-8 bytes (the job summary). */
export type Measure = 'chars' | 'bytes';

export function fitMarkdown(text: string, limit: number, note: string, measure: Measure = 'chars'): string {
  const size = (s: string) => (measure === 'bytes' ? Buffer.byteLength(s, 'utf8') : s.length);
  if (size(text) <= limit) return text;
  const tail = `\n\n${note}`;
  const budget = Math.max(0, limit - size(tail));
  const prefix = measure === 'bytes' ? Buffer.from(text, 'utf8').subarray(0, budget).toString('utf8') : text.slice(0, budget);
  const line = prefix.lastIndexOf('\n');
  // Without a line break to cut at, drop a split character (U+FFFD from bytes, a lone high surrogate from chars).
  const kept = line > 0 ? prefix.slice(0, line) : prefix.replace(/(?:\uFFFD|[\uD800-\uDBFF])$/, '');
  return kept + tail;
}
