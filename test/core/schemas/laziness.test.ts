// Runs in its own module graph (Vitest isolates files), so no other test has built a revision yet.
import { expect, test } from 'vitest'
import { schemasFor, validate } from '../../../src/core/schemas/index.ts'
import { builtRevisions, tableFor } from '../../../src/core/schemas/revisions.ts'

test('importing the schemas builds no revision', () => {
  expect(builtRevisions()).toEqual([])
})

test('a 2026-07-28 server builds neither a legacy revision nor unused types', () => {
  const { methods, types } = schemasFor('2026-07-28')
  expect(builtRevisions()).toEqual(['2026-07-28'])
  expect(tableFor('2026-07-28').resolvedCount).toBe(0)
  expect(Object.keys(types).length).toBeGreaterThan(150)
  expect(tableFor('2026-07-28').resolvedCount).toBe(0)

  const params = {
    name: 'add',
    arguments: { a: 1, b: 2 },
    _meta: {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': {},
    },
  }
  expect(methods['tools/call']?.params.safeParse(params).success).toBe(true)
  const resolved = tableFor('2026-07-28').resolvedCount
  expect(resolved).toBeGreaterThan(0)
  expect(resolved).toBeLessThan(Object.keys(types).length / 2)
  expect(builtRevisions()).toEqual(['2026-07-28'])
})

test('validate builds only the revision it is asked about', () => {
  validate('2025-06-18', 'Tool', { name: 't', inputSchema: { type: 'object' } })
  expect(builtRevisions().sort()).toEqual(['2025-06-18', '2026-07-28'])
})
