/**
 * The client's schema set leaves out the definitions a client never reads; these tests prove it
 * still has everything the client validates, and that each of its schemas judges every vector
 * exactly as the full set does.
 */
import { describe, expect, test } from 'vitest'
import { PROTOCOL_REVISIONS } from '../../../src/core/eras/versions.ts'
import { clientSchemasFor } from '../../../src/core/schemas/client-schemas.ts'
import { schemasFor, validateWith } from '../../../src/core/schemas/index.ts'
import { ALL_VECTORS } from './vectors/index.ts'

const INPUT_TYPES = [
  'ElicitResult',
  'CreateMessageResult',
  'ListRootsResult',
  'InputRequiredResult',
]

describe.each(PROTOCOL_REVISIONS)('client schemas of %s', (revision) => {
  const client = clientSchemasFor(revision)
  const full = schemasFor(revision)

  test('has the request methods of the full set, in its order, and no notification method', () => {
    const requests = Object.entries(full.methods)
      .filter(([, method]) => method.kind === 'request')
      .map(([name]) => name)
    expect(Object.keys(client.methods)).toEqual(requests)
    for (const [name, method] of Object.entries(client.methods)) {
      expect({ kind: method.kind, from: method.from }, name).toEqual({
        kind: full.methods[name]?.kind,
        from: full.methods[name]?.from,
      })
    }
  })

  test('builds every result, and the params of every request a server may send', () => {
    for (const [name, method] of Object.entries(client.methods)) {
      if (method.kind !== 'request') continue
      expect(method.result, name).toBeDefined()
      if (method.from !== 'client') expect(method.params, name).toBeDefined()
    }
  })

  test('defines only types of the full set, and every type a client handler answers with', () => {
    const fullTypes = new Set(Object.keys(full.types))
    for (const name of Object.keys(client.types)) expect(fullTypes.has(name), name).toBe(true)
    const expected = revision === '2026-07-28' ? INPUT_TYPES : INPUT_TYPES.slice(0, 1)
    for (const name of expected.filter((type) => fullTypes.has(type))) {
      expect(client.types[name], name).toBeDefined()
    }
  })

  test('builds every type it lists', () => {
    for (const [name, schema] of Object.entries(client.types)) {
      expect(schema, name).toBeDefined()
    }
  })

  test('leaves out the client requests, notifications, envelopes and named building blocks', () => {
    expect(client.types.CallToolRequest).toBeUndefined()
    expect(client.types.ProgressNotification).toBeUndefined()
    expect(client.types.Notification).toBeUndefined()
    expect(client.types.JSONRPCResponse).toBeUndefined()
    expect(client.types.Error).toBeUndefined()
    expect(client.types.LoggingLevel).toBeUndefined()
    expect(client.types.RequestId).toBeUndefined()
  })

  test('judges every vector of its types as the full set does, with the same paths', () => {
    const vectors = ALL_VECTORS.filter(
      (vector) => vector.revisions.includes(revision) && vector.type in client.types,
    )
    expect(vectors.length).toBeGreaterThan(0)
    for (const vector of vectors) {
      const ours = validateWith(client.types[vector.type] as never, vector.value)
      const theirs = validateWith(full.types[vector.type] as never, vector.value)
      expect(ours, `${vector.type}: ${vector.name}`).toEqual(theirs)
    }
  })

  test('judges every method result vector as the full set does', () => {
    for (const [name, method] of Object.entries(client.methods)) {
      const result = method.result
      const fullResult = full.methods[name]?.result
      if (result === undefined || fullResult === undefined) continue
      for (const vector of ALL_VECTORS.filter((v) => v.revisions.includes(revision))) {
        expect(validateWith(result, vector.value), name).toEqual(
          validateWith(fullResult, vector.value),
        )
      }
    }
  })
})
