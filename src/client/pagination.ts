/**
 * Cursor pagination (`tools/list`, `prompts/list`, `resources/list`, `resources/templates/list`):
 * an async iterator over pages, and collecting every item. A server that hands back a cursor it
 * already gave cannot make the client loop forever.
 */
import { McpkitError } from '../core/errors/base.ts'
import { ErrorCode } from '../core/errors/codes.ts'

/**
 * Yields every page, following `nextCursor` until a page has none. Rejects with an `McpkitError`
 * (`PROTOCOL`) when a cursor repeats.
 *
 * @example
 * for await (const page of paginate('tools/list', (cursor) => client.listTools({ cursor }))) {
 *   console.log(page.tools.length)
 * }
 */
export async function* paginate<TPage extends { readonly nextCursor?: string | undefined }>(
  method: string,
  fetchPage: (cursor: string | undefined) => Promise<TPage>,
): AsyncGenerator<TPage, void, undefined> {
  const seen = new Set<string>()
  let cursor: string | undefined
  for (;;) {
    const page = await fetchPage(cursor)
    yield page
    const next = page.nextCursor
    if (next === undefined) return
    if (seen.has(next)) {
      throw new McpkitError(
        ErrorCode.Protocol,
        `${method} returned the cursor ${JSON.stringify(next)} twice`,
      )
    }
    seen.add(next)
    cursor = next
  }
}

/** Collects the items of every page. */
export async function collectAll<TPage, TItem>(
  pages: AsyncIterable<TPage>,
  itemsOf: (page: TPage) => readonly TItem[],
): Promise<TItem[]> {
  const items: TItem[] = []
  for await (const page of pages) items.push(...itemsOf(page))
  return items
}
