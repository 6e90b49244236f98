import { expect, test } from 'vitest'
import { createEraCache, endpointKey } from '../../src/client/era-cache.ts'

test('the era cache forgets the least recently used endpoint first', () => {
  const cache = createEraCache({ maxEntries: 2 })
  cache.set('a', { era: 'legacy', transport: 'streamable-http' })
  cache.set('b', { era: 'modern', protocolVersion: '2026-07-28' })
  expect(cache.get('a')).toEqual({ era: 'legacy', transport: 'streamable-http' })
  cache.set('c', { era: 'legacy', transport: 'http+sse' })
  expect(cache.get('b')).toBeUndefined()
  expect(cache.get('a')).toBeDefined()
  expect(cache.get('c')).toBeDefined()
  cache.delete('a')
  expect(cache.get('a')).toBeUndefined()
})

test('endpoint keys keep origin and path, not query or fragment', () => {
  expect(endpointKey(new URL('https://Example.com:443/mcp?x=1#y'))).toBe('https://example.com/mcp')
  expect(endpointKey(new URL('http://127.0.0.1:3000/a'))).not.toBe(
    endpointKey(new URL('http://127.0.0.1:3000/b')),
  )
})

test('maxEntries is validated', () => {
  expect(() => createEraCache({ maxEntries: 0 })).toThrow(/maxEntries/)
})
