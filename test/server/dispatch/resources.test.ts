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

describe('resources listed by templates', () => {
  function notesServer(list: () => unknown, options: { pageSize?: number } = {}) {
    const reported: unknown[] = []
    const server = new ServerRegistry({
      name: 'r',
      version: '1',
      ...options,
      onError: (error) => reported.push(error),
    })
    server.resource('notes://index', { name: 'index' }, () => [{ text: 'index' }])
    server.resourceTemplate(
      'notes://{id}',
      { name: 'note', mimeType: 'text/markdown', list: list as never },
      ({ variables }) => [{ text: `note ${variables.id}` }],
    )
    return { server, reported }
  }

  test.each(ALL)('resources/list appends them after the static ones at %s', async (revision) => {
    const { server } = notesServer(async () => [
      { uri: 'notes://1', name: 'one', title: 'One' },
      { uri: 'notes://2', name: 'two', mimeType: 'text/plain', size: 12 },
    ])
    const result = expectValidResult(
      revision,
      'resources/list',
      await call(server, { method: 'resources/list', revision }),
    )
    const titled = revision >= '2025-06-18' ? { title: 'One' } : {}
    expect(result.resources).toEqual([
      expect.objectContaining({ uri: 'notes://index', name: 'index' }),
      { uri: 'notes://1', name: 'one', ...titled, mimeType: 'text/markdown' },
      { uri: 'notes://2', name: 'two', mimeType: 'text/plain', size: 12 },
    ])
  })

  test('the listed resources are paged with the static ones, and each page calls list', async () => {
    let calls = 0
    const { server } = notesServer(
      () => {
        calls++
        return [1, 2, 3].map((n) => ({ uri: `notes://${n}`, name: `n${n}` }))
      },
      { pageSize: 3 },
    )
    const first = await call(server, { method: 'resources/list' })
    expect((first.resources as { uri: string }[]).map((r) => r.uri)).toEqual([
      'notes://index',
      'notes://1',
      'notes://2',
    ])
    const second = await call(server, {
      method: 'resources/list',
      params: { cursor: first.nextCursor as string },
    })
    expect((second.resources as { uri: string }[]).map((r) => r.uri)).toEqual(['notes://3'])
    expect(second.nextCursor).toBeUndefined()
    expect(calls).toBe(2)
  })

  test('a failing list, a non-array and an invalid entry are -32603, reported to onError', async () => {
    for (const [list, reason] of [
      [
        () => {
          throw new Error('disk gone')
        },
        /disk gone/,
      ],
      [() => 'nope', /returned string, not an array/],
      [() => [{ uri: 'notes://1' }], /gave an invalid resource: name/],
    ] as const) {
      const { server, reported } = notesServer(list)
      const error = await protocolError(call(server, { method: 'resources/list' }))
      expect(error.code).toBe(JsonRpcErrorCode.InternalError)
      expect(String(reported[0])).toMatch(reason)
    }
  })

  test('a list that is not a function is refused at registration', () => {
    const server = new ServerRegistry({ name: 'r', version: '1' })
    expect(() =>
      server.resourceTemplate('notes://{id}', { name: 'note', list: 'all' as never }, () => []),
    ).toThrow(/resourceTemplates.notes:\/\/\{id\}.list must be a function/)
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
