import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isConfigError } from '../../../src/core/errors/guards.ts'
import type { ServerLogMessage } from '../../../src/server/registry/log-message.ts'
import type { ListKind, ServerNotifier } from '../../../src/server/registry/notifier-hub.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import { call, flushMicrotasks, MODERN } from '../dispatch/harness.ts'

function registry(): ServerRegistry {
  return new ServerRegistry({ name: 'reg', version: '1' })
}

function recorder(): ServerNotifier & {
  lists: ListKind[]
  updated: string[]
  logs: ServerLogMessage[]
} {
  const lists: ListKind[] = []
  const updated: string[] = []
  const logs: ServerLogMessage[] = []
  return {
    lists,
    updated,
    logs,
    listChanged: (kind) => lists.push(kind),
    resourceUpdated: (uri) => updated.push(uri),
    log: (message) => logs.push(message),
  }
}

function expectConfigError(run: () => unknown, message: RegExp): void {
  try {
    run()
  } catch (error) {
    expect(isConfigError(error)).toBe(true)
    expect((error as Error).message).toMatch(message)
    return
  }
  throw new Error('expected a ConfigError')
}

describe('tool registration', () => {
  test.each(['a', 'get_user', 'DATA_EXPORT_v2', 'admin.tools.list', 'x-y', 'a'.repeat(128)])(
    'accepts the name %s',
    (name) => {
      expect(registry().tool(name, () => 'ok').key).toBe(name)
    },
  )

  test.each(['', 'a'.repeat(129), 'has space', 'slash/name', 'comma,name', 'ünï'])(
    'refuses the name %j',
    (name) => {
      expectConfigError(() => registry().tool(name, () => 'ok'), /Tool name/)
    },
  )

  test('refuses duplicates, bad schemas and non-function handlers', () => {
    const server = registry()
    server.tool('one', () => 'ok')
    expectConfigError(() => server.tool('one', () => 'again'), /already registered/)
    expectConfigError(
      () => server.tool('arr', { inputSchema: z.array(z.string()) as never }, () => 'x'),
      /type: "object"/,
    )
    expectConfigError(
      () => server.tool('raw', { inputSchema: { type: 'string' } }, () => 'x'),
      /type: "object"/,
    )
    const foreign = {
      '~standard': { version: 1 as const, vendor: 'valibot', validate: () => ({ value: {} }) },
    }
    expectConfigError(
      () => server.tool('foreign', { inputSchema: foreign }, () => 'x'),
      /needs its JSON Schema/,
    )
    expectConfigError(() => server.tool('nohandler', {}, undefined as never), /handler/)
    expectConfigError(
      () => server.tool('icons', { icons: [{ src: 1 } as never] }, () => 'x'),
      /tools\.icons is invalid/,
    )
  })

  test('update and remove change what clients see', async () => {
    const server = registry()
    const handle = server.tool('greet', { description: 'v1' }, () => 'hello')
    handle.update({ description: 'v2' })
    let listed = await call(server, { method: 'tools/list' })
    expect(listed.tools).toEqual([
      { name: 'greet', description: 'v2', inputSchema: { type: 'object', properties: {} } },
    ])
    const called = await call(server, { method: 'tools/call', params: { name: 'greet' } })
    expect(called.content).toEqual([{ type: 'text', text: 'hello' }])
    handle.update({ description: 'v3' }, () => 'hi')
    const again = await call(server, { method: 'tools/call', params: { name: 'greet' } })
    expect(again.content).toEqual([{ type: 'text', text: 'hi' }])
    handle.remove()
    handle.remove()
    expect(server.hasMethod('tools/list', MODERN)).toBe(false)
    server.tool('greet', () => 'new')
    handle.update({ description: 'stale handle' })
    listed = await call(server, { method: 'tools/list' })
    expect(listed.tools).toEqual([
      { name: 'greet', inputSchema: { type: 'object', properties: {} } },
    ])
  })
})

describe('list change notifications', () => {
  test('changes reach every attached notifier, once per list per tick', async () => {
    const server = registry()
    server.tool('before', () => 'x')
    const first = recorder()
    const second = recorder()
    const detach = server.attachNotifier(first)
    server.attachNotifier(second)
    const tool = server.tool('a', () => 'x')
    server.tool('b', () => 'x')
    server.prompt('p', {}, () => [])
    server.resource('r://1', { name: 'r' }, () => [])
    server.resourceTemplate('r://{x}', { name: 't' }, () => [])
    expect(first.lists).toEqual([])
    await flushMicrotasks()
    expect(first.lists).toEqual(['tools', 'prompts', 'resources'])
    expect(second.lists).toEqual(['tools', 'prompts', 'resources'])
    detach()
    tool.update({ description: 'changed' })
    await flushMicrotasks()
    expect(first.lists).toHaveLength(3)
    expect(second.lists).toEqual(['tools', 'prompts', 'resources', 'tools'])
  })

  test('nothing is announced when listChanged is off or nobody listens', async () => {
    const server = new ServerRegistry({
      name: 'r',
      version: '1',
      capabilities: { tools: { listChanged: false } },
    })
    server.tool('a', () => 'x')
    const notifier = recorder()
    server.attachNotifier(notifier)
    server.tool('b', () => 'x')
    server.prompt('p', {}, () => [])
    await flushMicrotasks()
    expect(notifier.lists).toEqual(['prompts'])
  })

  test('resourceUpdated and listChanged reach notifiers; a throwing notifier is reported', async () => {
    const errors: unknown[] = []
    const server = new ServerRegistry({
      name: 'r',
      version: '1',
      onError: (_error, context) => errors.push(context),
    })
    server.resource('r://1', { name: 'r' }, () => [])
    const notifier = recorder()
    server.attachNotifier({
      listChanged: () => {
        throw new Error('broken transport')
      },
      resourceUpdated: () => {
        throw new Error('broken transport')
      },
      log: () => {
        throw new Error('broken transport')
      },
    })
    server.attachNotifier(notifier)
    server.resourceUpdated('r://1')
    server.listChanged('resources')
    await flushMicrotasks()
    expect(notifier.updated).toEqual(['r://1'])
    expect(notifier.lists).toEqual(['resources'])
    expect(errors).toEqual([{ phase: 'notifier' }, { phase: 'notifier' }])
  })
})

describe('server-wide log messages', () => {
  test('server.log reaches every notifier at once, with the logger when given', () => {
    const server = registry()
    const notifier = recorder()
    server.attachNotifier(notifier)
    server.log('warning', { disk: 'almost full' }, { logger: 'storage' })
    server.log('debug', 'plain')
    expect(notifier.logs).toEqual([
      { level: 'warning', data: { disk: 'almost full' }, logger: 'storage' },
      { level: 'debug', data: 'plain', logger: undefined },
    ])
  })

  test('nothing is sent when the server does not declare logging', () => {
    const server = new ServerRegistry({ name: 'r', version: '1', capabilities: { logging: false } })
    const notifier = recorder()
    server.attachNotifier(notifier)
    server.log('error', 'hidden')
    expect(notifier.logs).toEqual([])
  })

  test('a level outside the eight, or data JSON cannot carry, is a ConfigError', () => {
    const server = registry()
    const notifier = recorder()
    server.attachNotifier(notifier)
    expectConfigError(() => server.log('loud' as never, 'x'), /Unknown log level "loud"/)
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    for (const data of [undefined, 10n, () => 1, cycle]) {
      expectConfigError(() => server.log('info', data), /must be a JSON value/)
    }
    expect(notifier.logs).toEqual([])
  })
})

describe('describe and capabilities', () => {
  test('serverInfo and capabilities follow the revision', () => {
    const server = new ServerRegistry({
      name: 'full',
      version: '2',
      title: 'Full',
      description: 'Everything',
      websiteUrl: 'https://example.com',
      icons: [{ src: 'https://example.com/i.png' }],
      capabilities: { experimental: { 'x.y': {} }, extensions: { 'io.example/ext': {} } },
    })
    server.completion(() => [])
    expect(server.describe('2024-11-05')).toEqual({
      serverInfo: { name: 'full', version: '2' },
      capabilities: { experimental: { 'x.y': {} }, logging: {} },
    })
    expect(server.describe('2025-06-18').serverInfo).toEqual({
      name: 'full',
      version: '2',
      title: 'Full',
    })
    expect(server.describe('2025-06-18').capabilities).toHaveProperty('completions')
    expect(server.describe('2025-11-25').serverInfo).toMatchObject({ description: 'Everything' })
    expect(server.describe(MODERN).capabilities).toHaveProperty('extensions', {
      'io.example/ext': {},
    })
    expect(server.describe('2025-11-25').capabilities).not.toHaveProperty('extensions')
  })

  test('capabilities appear as items are registered', () => {
    const server = registry()
    expect(server.describe(MODERN).capabilities).toEqual({ logging: {} })
    server.prompt('p', { arguments: [{ name: 'a', complete: () => [] }] }, () => [])
    expect(server.describe(MODERN).capabilities).toEqual({
      logging: {},
      completions: {},
      prompts: { listChanged: true },
    })
  })

  test('listenFilter honours only what the server can deliver', () => {
    const server = registry()
    server.tool('t', () => 'x')
    expect(
      server.listenFilter({
        toolsListChanged: true,
        promptsListChanged: true,
        resourcesListChanged: true,
        resourceSubscriptions: ['r://1'],
      }),
    ).toEqual({ toolsListChanged: true })
    server.resource('r://1', { name: 'r' }, () => [])
    expect(
      server.listenFilter({ resourceSubscriptions: ['r://1'], toolsListChanged: false }),
    ).toEqual({
      resourceSubscriptions: ['r://1'],
    })
  })
})

describe('options', () => {
  test.each([
    [{ name: '' }, /name/],
    [{ version: 3 }, /version/],
    [{ pageSize: 0 }, /pageSize/],
    [{ requestStateSecret: 'short' }, /at least 32 bytes/],
    [{ requestStateTtlMs: -1 }, /requestStateTtlMs/],
    [{ maxInputRounds: 1.5 }, /maxInputRounds/],
    [{ cache: { ttlMs: -5 } }, /cache\.ttlMs/],
    [
      { cache: { methods: { 'tools/list': { cacheScope: 'shared' } } } },
      /cache\.methods\.tools\/list\.cacheScope/,
    ],
    [{ supportedVersions: [] }, /supportedVersions/],
    [{ supportedVersions: ['1999-01-01'] }, /supportedVersions/],
  ])('refuses %j', (override, message) => {
    expectConfigError(
      () => new ServerRegistry({ name: 'n', version: '1', ...(override as object) }),
      message,
    )
  })

  test('item caching hints are checked at registration', () => {
    const server = registry()
    expectConfigError(
      () => server.resource('r://1', { name: 'r', cache: { ttlMs: -1 } }, () => []),
      /resources\.r:\/\/1\.cache\.ttlMs/,
    )
    expectConfigError(
      () =>
        server.resourceTemplate(
          'r://{x}',
          { name: 't', cache: { cacheScope: 'x' as never } },
          () => [],
        ),
      /cacheScope/,
    )
  })

  test('supportedVersions are listed newest first', () => {
    const server = new ServerRegistry({
      name: 'n',
      version: '1',
      supportedVersions: ['2025-06-18', '2026-07-28', '2025-06-18'],
    })
    expect(server.supportedVersions).toEqual(['2026-07-28', '2025-06-18'])
  })
})
