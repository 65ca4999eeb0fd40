/**
 * Reading a listing that the server may page, cap, or not page at all.
 *
 * - `GET /schemas` caps a page at `schema.search.max.limit` (1,000) and silently answers a larger
 *   `limit` with the default page size, so a page shorter than asked for does not prove the end.
 * - Servers before CP 7.7.4 ignore `offset`/`limit` on `GET /subjects` and return everything.
 *
 * So: the first page tells the real page size; later pages end the listing when shorter than it
 * (a short first page is confirmed by one more request); an empty page ends it; a page larger
 * than asked for means the server ignored the limit and sent everything; a page made only of rows
 * already seen means the server ignored the offset. A page mixing seen and new rows means the
 * listing shifted under us (a row was added or removed before the offset): rows may have been
 * skipped, so that fails rather than returning a listing with holes.
 */
import { RegistryError } from './errors.js';

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

export interface PagingResult<T> {
  readonly rows: T[];
  /** Requests made. */
  readonly pages: number;
}

export async function collectPages<T>(
  fetchPage: (page: PageRequest) => Promise<readonly T[]>,
  keyOf: (row: T) => string,
  limit: number,
  { confirmShortFirstPage = true }: { readonly confirmShortFirstPage?: boolean } = {},
): Promise<PagingResult<T>> {
  const rows: T[] = [];
  const seen = new Set<string>();
  let pageSize: number | undefined;
  let pages = 0;
  for (;;) {
    const page = await fetchPage({ offset: rows.length, limit });
    pages++;
    if (page.length === 0) break;
    const fresh = page.filter((row) => !seen.has(keyOf(row)));
    if (fresh.length === 0) break;
    if (fresh.length < page.length) throw listingShifted(rows.length);
    for (const row of fresh) {
      seen.add(keyOf(row));
      rows.push(row);
    }
    if (page.length > limit) break;
    if (pageSize !== undefined && page.length < pageSize) break;
    if (pageSize === undefined && !confirmShortFirstPage && page.length < limit) break;
    pageSize ??= page.length;
  }
  return { rows, pages };
}

function listingShifted(offset: number): RegistryError {
  return new RegistryError(`the registry changed during the listing (the page at offset ${offset} repeats rows of earlier pages); run again`, {
    kind: 'malformed-response',
    hint: 'Run again when no schemas are being registered or deleted',
  });
}
