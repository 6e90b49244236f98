import { describe, expect, test } from 'vitest'
import type { ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { schemasFor } from '../../../src/core/schemas/revisions.ts'
import type { RequestContext } from '../../../src/server/registry/context-types.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import { fakeScope, MODERN, modernMeta, paramsFor, type Sent } from './harness.ts'

function server(run: (ctx: RequestContext) => Promise<void>): ServerRegistry {
  const registry = new ServerRegistry({ name: 'p', version: '1' })
  registry.tool('work', async (_args, ctx) => {
    await run(ctx)
    return 'done'
  })
  return registry
}

async function callWork(
  registry: ServerRegistry,
  options: { revision?: ProtocolRevision; meta?: Record<string, unknown>; logLevel?: string } = {},
): Promise<Sent[]> {
  const revision = options.revision ?? MODERN
  const fake = fakeScope({ revision })
  if (fake.session !== undefined && options.logLevel !== undefined) {
    fake.session.logLevel = options.logLevel as never
  }
  const params = paramsFor(revision, {
    name: 'work',
    arguments: {},
    ...(options.meta ? { _meta: options.meta } : {}),
  })
  await registry.dispatch('tools/call', params, fake.scope)
  return fake.notifications
}

/** Every notification is valid for its revision. */
function expectValidNotifications(revision: ProtocolRevision, sent: readonly Sent[]): void {
  for (const { method, params } of sent) {
    const schema = schemasFor(revision).methods[method]?.message
    const parsed = schema?.safeParse({ jsonrpc: '2.0', method, params })
    expect(parsed?.success, `${method}: ${JSON.stringify(parsed?.error?.issues)}`).toBe(true)
  }
}

describe('progress', () => {
  const registry = server(async (ctx) => {
    await ctx.progress(0, 100)
    await ctx.progress(50, 100, 'half')
    await ctx.progress(50, 100)
    await ctx.progress(25, 100)
    await ctx.progress(100, 100, 'done')
  })

  test('is sent with the request’s token, only increasing values', async () => {
    const sent = await callWork(registry, {
      meta: modernMeta({ progressToken: 'progress-test-1' }),
    })
    expect(sent).toEqual([
      {
        method: 'notifications/progress',
        params: { progressToken: 'progress-test-1', progress: 0, total: 100 },
      },
      {
        method: 'notifications/progress',
        params: { progressToken: 'progress-test-1', progress: 50, total: 100, message: 'half' },
      },
      {
        method: 'notifications/progress',
        params: { progressToken: 'progress-test-1', progress: 100, total: 100, message: 'done' },
      },
    ])
    expectValidNotifications(MODERN, sent)
  })

  test('is not sent without a token', async () => {
    expect(await callWork(registry)).toEqual([])
  })

  test('2024-11-05 progress has no message', async () => {
    const sent = await callWork(registry, { revision: '2024-11-05', meta: { progressToken: 7 } })
    expect(sent.map((n) => n.params)).toEqual([
      { progressToken: 7, progress: 0, total: 100 },
      { progressToken: 7, progress: 50, total: 100 },
      { progressToken: 7, progress: 100, total: 100 },
    ])
    expectValidNotifications('2024-11-05', sent)
  })

  test('nothing is sent once the request is cancelled', async () => {
    const controller = new AbortController()
    const registry = new ServerRegistry({ name: 'p', version: '1' })
    registry.tool('cancelled', async (_args, ctx) => {
      controller.abort()
      expect(ctx.signal.aborted).toBe(true)
      await ctx.progress(1)
      await ctx.log('error', 'late')
      return 'late'
    })
    const fake = fakeScope({ revision: '2025-06-18', signal: controller.signal })
    await registry.dispatch(
      'tools/call',
      { name: 'cancelled', _meta: { progressToken: 1 } },
      fake.scope,
    )
    expect(fake.notifications).toEqual([])
  })
})

describe('logging', () => {
  const registry = server(async (ctx) => {
    await ctx.log('debug', 'fine detail')
    await ctx.log('info', { step: 1 }, 'worker')
    await ctx.log('error', 'failure')
  })

  test('legacy: every level until logging/setLevel, then only from that level', async () => {
    const all = await callWork(registry, { revision: '2025-06-18' })
    expect(all.map((n) => n.params.level)).toEqual(['debug', 'info', 'error'])
    expect(all[1]).toEqual({
      method: 'notifications/message',
      params: { level: 'info', data: { step: 1 }, logger: 'worker' },
    })
    expectValidNotifications('2025-06-18', all)
    const info = await callWork(registry, { revision: '2025-06-18', logLevel: 'info' })
    expect(info.map((n) => n.params.level)).toEqual(['info', 'error'])
  })

  test('modern: nothing without _meta logLevel, the requested levels with it', async () => {
    expect(await callWork(registry)).toEqual([])
    const sent = await callWork(registry, { meta: modernMeta({ logLevel: 'info' }) })
    expect(sent.map((n) => n.params.level)).toEqual(['info', 'error'])
  })

  test('no log messages when the server turns logging off', async () => {
    const quiet = new ServerRegistry({ name: 'q', version: '1', capabilities: { logging: false } })
    quiet.tool('work', async (_args, ctx) => {
      await ctx.log('emergency', 'ignored')
      return 'ok'
    })
    expect(await callWork(quiet, { revision: '2025-06-18' })).toEqual([])
  })

  test('a failing channel never fails the handler', async () => {
    const fake = fakeScope({ revision: '2025-06-18' })
    const scope = { ...fake.scope, channel: { notify: () => Promise.reject(new Error('closed')) } }
    const result = await registry.dispatch('tools/call', { name: 'work' }, scope)
    expect(result.content).toEqual([{ type: 'text', text: 'done' }])
  })
})

describe('context', () => {
  test('handlers see the request’s identity', async () => {
    let seen: Record<string, unknown> = {}
    const registry = server(async (ctx) => {
      seen = {
        requestId: ctx.requestId,
        era: ctx.era,
        revision: ctx.revision,
        meta: ctx.meta,
        clientInfo: ctx.clientInfo,
        session: ctx.session?.id,
      }
    })
    const fake = fakeScope({ revision: '2025-11-25', requestId: 'req-9' })
    await registry.dispatch(
      'tools/call',
      { name: 'work', _meta: { progressToken: 'p' } },
      fake.scope,
    )
    expect(seen).toEqual({
      requestId: 'req-9',
      era: 'legacy',
      revision: '2025-11-25',
      meta: { progressToken: 'p' },
      clientInfo: { name: 'test-client', version: '1.0.0' },
      session: 'session-1',
    })
  })
})
