/**
 * Reading a listing that the server may page, cap, or not page at all.
 *
 * - `GET /schemas` caps a page at `schema.search.max.limit` (1,000) and silently answers a larger
 *   `limit` with the default page size, so a page shorter than asked for does not prove the end.
 * - Servers before CP 7.7.4 ignore `offset`/`limit` on `GET /subjects` and return everything.
 *
 * So: the first page tells the real page size; later pages end the listing when shorter than it
 * (a short first page is confirmed by one more request); an empty page ends it; a page larger
 * than asked for means the server ignored the limit and sent everything; a page with rows already
 * seen means the server ignored the offset.
 */

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
    for (const row of fresh) {
      seen.add(keyOf(row));
      rows.push(row);
    }
    if (page.length > limit || fresh.length < page.length) break;
    if (pageSize !== undefined && page.length < pageSize) break;
    if (pageSize === undefined && !confirmShortFirstPage && page.length < limit) break;
    pageSize ??= page.length;
  }
  return { rows, pages };
}
