import { describe, expect, test } from 'vitest'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import { decodeCursor, encodeCursor, paginate } from '../../../src/server/registry/pagination.ts'

const items = Array.from({ length: 7 }, (_, i) => i)

describe('paginate', () => {
  test('a list that fits is one page without a cursor', () => {
    expect(paginate(items, undefined, 7)).toEqual({ items })
    expect(paginate([], undefined, 3)).toEqual({ items: [] })
  })

  test('pages chain through opaque cursors', () => {
    const pages: number[][] = []
    let cursor: string | undefined
    do {
      const page = paginate(items, cursor, 3)
      pages.push([...page.items])
      cursor = page.nextCursor
      if (cursor !== undefined) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    } while (cursor !== undefined)
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]])
  })

  test('a cursor past a shrunken list gives an empty last page', () => {
    expect(paginate([1, 2], encodeCursor(5), 3)).toEqual({ items: [] })
  })

  test.each([
    '',
    'abc',
    '%%%',
    encodeCursor(3).slice(1),
    btoa('mcpkit:-1'),
    btoa('mcpkit:01'),
    btoa('other:3'),
  ])('refuses the cursor %j with -32602', (cursor) => {
    let error: unknown
    try {
      decodeCursor(cursor)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ProtocolError)
    expect((error as ProtocolError).code).toBe(JsonRpcErrorCode.InvalidParams)
  })

  test('cursors round-trip', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42)
  })
})
