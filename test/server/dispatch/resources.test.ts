import { describe, expect, test } from 'vitest'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import {
  ALL,
  call,
  expectValidResult,
  fakeScope,
  LEGACY,
  MODERN,
  protocolError,
} from './harness.ts'
import { PNG, sampleServer } from './sample-server.ts'

const MISSING = 'test://nonexistent-resource-for-conformance-testing'

describe('resources/read', () => {
  test.each(ALL)('static text and binary resources at %s', async (revision) => {
    const server = sampleServer()
    const text = await call(server, {
      method: 'resources/read',
      params: { uri: 'test://static-text' },
      revision,
    })
    expect(expectValidResult(revision, 'resources/read', text).contents).toEqual([
      {
        uri: 'test://static-text',
        mimeType: 'text/plain',
        text: 'This is the content of the static text resource.',
      },
    ])
    const binary = await call(server, {
      method: 'resources/read',
      params: { uri: 'test://static-binary' },
      revision,
    })
    expect(binary.contents).toEqual([
      { uri: 'test://static-binary', mimeType: 'image/png', blob: PNG },
    ])
  })

  test('templates match and receive the percent-decoded variables', async () => {
    const server = sampleServer()
    const result = await call(server, {
      method: 'resources/read',
      params: { uri: 'test://template/a%20b/data' },
    })
    expect(result.contents).toEqual([
      {
        uri: 'test://template/a%20b/data',
        mimeType: 'application/json',
        text: '{"id":"a b","templateTest":true}',
      },
    ])
  })

  test('a static resource wins over a matching template; templates are tried in order', async () => {
    const server = new ServerRegistry({ name: 'r', version: '1' })
    server.resourceTemplate('x://{a}', { name: 'first' }, () => [{ text: 'first' }])
    server.resourceTemplate('x://{+path}', { name: 'second' }, () => [{ text: 'second' }])
    server.resource('x://fixed', { name: 'fixed' }, () => [{ text: 'fixed' }])
    const read = async (uri: string) =>
      (
        (await call(server, { method: 'resources/read', params: { uri } })).contents as {
          text: string
        }[]
      )[0]?.text
    expect(await read('x://fixed')).toBe('fixed')
    expect(await read('x://one')).toBe('first')
    expect(await read('x://one/two')).toBe('second')
  })

  test.each(LEGACY)('not found is -32002 with data.uri at %s', async (revision) => {
    const error = await protocolError(
      call(sampleServer(), { method: 'resources/read', params: { uri: MISSING }, revision }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.ResourceNotFound)
    expect(error.data).toEqual({ uri: MISSING })
  })

  test('not found is -32602 with data.uri in 2026-07-28', async () => {
    const error = await protocolError(
      call(sampleServer(), { method: 'resources/read', params: { uri: MISSING } }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    expect(error.data).toEqual({ uri: MISSING })
  })

  test('a reader returning undefined means not found', async () => {
    const server = new ServerRegistry({ name: 'r', version: '1' })
    server.resourceTemplate('user://{id}', { name: 'user' }, ({ variables }) =>
      variables.id === '1'
        ? { contents: [{ text: 'Ada' }], _meta: { 'example.com/v': 1 } }
        : undefined,
    )
    const found = await call(server, { method: 'resources/read', params: { uri: 'user://1' } })
    expect(found).toMatchObject({
      contents: [{ uri: 'user://1', text: 'Ada' }],
      _meta: { 'example.com/v': 1 },
    })
    const error = await protocolError(
      call(server, { method: 'resources/read', params: { uri: 'user://2' } }),
    )
    expect(error.data).toEqual({ uri: 'user://2' })
  })

  test('a resource’s own caching hints win', async () => {
    const server = new ServerRegistry({ name: 'r', version: '1', cache: { cacheScope: 'public' } })
    server.resource('a://1', { name: 'a', cache: { ttlMs: 60_000 } }, () => [{ text: 'a' }])
    const result = await call(server, { method: 'resources/read', params: { uri: 'a://1' } })
    expect(result).toMatchObject({ ttlMs: 60_000, cacheScope: 'public' })
  })

  test('reader failures: ProtocolErrors pass, other errors are -32603 and reported', async () => {
    const reported: unknown[] = []
    const server = new ServerRegistry({ name: 'r', version: '1', onError: (e) => reported.push(e) })
    server.resource('a://denied', { name: 'denied' }, () => {
      throw ProtocolError.invalidParams('not for you')
    })
    server.resource('a://broken', { name: 'broken' }, () => {
      throw new TypeError('boom')
    })
    server.resource('a://invalid', { name: 'invalid' }, () => [{ text: 42 } as never])
    const denied = await protocolError(
      call(server, { method: 'resources/read', params: { uri: 'a://denied' } }),
    )
    expect(denied.message).toBe('not for you')
    const broken = await protocolError(
      call(server, { method: 'resources/read', params: { uri: 'a://broken' } }),
    )
    expect(broken).toMatchObject({
      code: JsonRpcErrorCode.InternalError,
      message: 'Internal error',
    })
    const invalid = await protocolError(
      call(server, { method: 'resources/read', params: { uri: 'a://invalid' } }),
    )
    expect(invalid.code).toBe(JsonRpcErrorCode.InternalError)
    expect(reported).toHaveLength(2)
  })
})

describe('resources/list and resources/templates/list', () => {
  test('list in registration order with revision-appropriate fields', async () => {
    const server = sampleServer()
    const modern = await call(server, { method: 'resources/list' })
    expect((modern.resources as { uri: string }[]).map((r) => r.uri)).toEqual([
      'test://static-text',
      'test://static-binary',
    ])
    expect((modern.resources as Record<string, unknown>[])[1]).toHaveProperty('icons')
    const old = await call(server, { method: 'resources/list', revision: '2025-03-26' })
    expect((old.resources as Record<string, unknown>[])[0]).toEqual({
      uri: 'test://static-text',
      name: 'static-text',
      description: 'Text',
      mimeType: 'text/plain',
    })
    const templates = await call(server, { method: 'resources/templates/list' })
    expect(templates.resourceTemplates).toEqual([
      {
        uriTemplate: 'test://template/{id}/data',
        name: 'template',
        title: 'Template',
        mimeType: 'application/json',
      },
    ])
  })

  test('pages follow nextCursor; a foreign cursor is -32602', async () => {
    const server = new ServerRegistry({ name: 'r', version: '1', pageSize: 2 })
    for (const n of [1, 2, 3, 4, 5]) server.resource(`n://${n}`, { name: `n${n}` }, () => [])
    const uris: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const params = cursor === undefined ? {} : { cursor }
      const page = expectValidResult(
        MODERN,
        'resources/list',
        await call(server, { method: 'resources/list', params }),
      )
      uris.push(...(page.resources as { uri: string }[]).map((r) => r.uri))
      cursor = page.nextCursor as string | undefined
      pages++
    } while (cursor !== undefined)
    expect(uris).toEqual(['n://1', 'n://2', 'n://3', 'n://4', 'n://5'])
    expect(pages).toBe(3)
    for (const bad of ['', 'nope', 'bWNwa2l0OjA', '!!']) {
      const error = await protocolError(
        call(server, { method: 'resources/list', params: { cursor: bad } }),
      )
      expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    }
  })
})

describe('resources/subscribe (legacy)', () => {
  test('subscriptions live in the session', async () => {
    const server = sampleServer()
    const { scope, session } = fakeScope({ revision: '2025-06-18' })
    expectValidResult(
      '2025-06-18',
      'resources/subscribe',
      await server.dispatch('resources/subscribe', { uri: 'test://static-text' }, scope),
    )
    expect([...(session?.subscriptions ?? [])]).toEqual(['test://static-text'])
    await server.dispatch('resources/unsubscribe', { uri: 'test://static-text' }, scope)
    expect(session?.subscriptions.size).toBe(0)
  })

  test('without a session subscribing is -32600', async () => {
    const { scope } = fakeScope({ revision: '2025-06-18', session: null })
    const error = await protocolError(
      sampleServer().dispatch('resources/subscribe', { uri: 'a://b' }, scope),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InvalidRequest)
  })
})
