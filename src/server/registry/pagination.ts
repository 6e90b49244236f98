/**
 * Opaque cursors for the four list calls. A cursor encodes the offset of the next page; clients
 * must treat it as opaque, and the server refuses any cursor it did not mint (`-32602`), including
 * the empty string. A list that shrank between pages just ends early: the spec gives no cross-page
 * consistency guarantee.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'

/** One page of a list. */
export interface Page<TItem> {
  readonly items: readonly TItem[]
  /** Present when more items follow. */
  readonly nextCursor?: string
}

const PREFIX = 'mcpkit:'

function toBase64Url(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined
  try {
    return atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  } catch {
    return undefined
  }
}

/** The cursor of the page that starts at `offset`. */
export function encodeCursor(offset: number): string {
  return toBase64Url(`${PREFIX}${offset}`)
}

/** The offset a cursor names; throws `-32602` for anything this server did not mint. */
export function decodeCursor(cursor: string): number {
  const text = fromBase64Url(cursor)
  const digits = text?.startsWith(PREFIX) ? text.slice(PREFIX.length) : undefined
  if (digits === undefined || !/^[1-9]\d{0,8}$/.test(digits)) {
    throw ProtocolError.invalidParams(`Invalid cursor: ${JSON.stringify(cursor)}`)
  }
  return Number(digits)
}

/**
 * The page of `items` that `cursor` names (the first page without one).
 *
 * @example
 * const first = paginate(items, undefined, 100)
 * const second = paginate(items, first.nextCursor, 100)
 */
export function paginate<TItem>(
  items: readonly TItem[],
  cursor: string | undefined,
  pageSize: number,
): Page<TItem> {
  const start = cursor === undefined ? 0 : decodeCursor(cursor)
  const end = start + pageSize
  if (start === 0 && end >= items.length) return { items }
  const page = items.slice(start, end)
  return end < items.length ? { items: page, nextCursor: encodeCursor(end) } : { items: page }
}
