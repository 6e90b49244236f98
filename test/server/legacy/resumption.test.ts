import { afterEach, describe, expect, test } from 'vitest'
import {
  createServer,
  type McpServer,
  type McpServerOptions,
} from '../../../src/server/http/create-server.ts'
import { EventTracker } from '../../../src/sessions/event-tracker.ts'
import { delay, ENDPOINT, legacyPost, openSession, SseReader } from '../http/harness.ts'

const V = '2025-11-25'

/** A server whose `reconnect` tool closes its POST stream mid-call (like conformance's test_reconnection). */
function reconnectServer(options: Partial<McpServerOptions> = {}) {
  const server = createServer({ name: 'r', version: '1', ...options })
  const gates = new Map<string, () => void>()
  server.tool(
    'reconnect',
    { inputSchema: { type: 'object', properties: { tag: { type: 'string' } } } },
    async (args, ctx) => {
      const tag = String(args.tag)
      await ctx.log('info', `${tag}:before`)
      ctx.closeStream()
      await new Promise<void>((resolve) => gates.set(tag, resolve))
      await ctx.log('info', `${tag}:after`)
      return `${tag}:done`
    },
  )
  return { server, gates }
}

let server: McpServer
let gates: Map<string, () => void>

afterEach(async () => {
  for (const open of gates?.values() ?? []) open()
  await server?.close({ deadlineMs: 0 })
})

function reconnectCall(id: number, tag: string) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'reconnect', arguments: { tag } },
  }
}

function resumeGet(sessionId: string, lastEventId: string) {
  return new Request(ENDPOINT, {
    method: 'GET',
    headers: {
      accept: 'text/event-stream',
      'mcp-session-id': sessionId,
      'mcp-protocol-version': V,
      'last-event-id': lastEventId,
    },
  })
}

describe('legacy SSE priming, polling and resumption (SPEC §4.2, §4.4)', () => {
  test('an SSE reply starts with a priming event: an id, retry and empty data', async () => {
    ;({ server, gates } = reconnectServer({ config: { sseRetryMs: 750 } }))
    const session = await openSession(server.handle)
    const response = await server.handle(
      legacyPost(reconnectCall(1, 'a'), { id: session, version: V }),
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = new SseReader(response)
    const priming = await reader.next()
    expect(priming).toMatchObject({ data: '', retry: 750 })
    expect(priming?.id).toMatch(/_[0-9a-z]{11}$/)
    const log = await reader.next()
    expect(JSON.parse(log?.data ?? '')).toMatchObject({ method: 'notifications/message' })
    expect(await reader.next()).toBeUndefined()
  })

  test('after an early close the GET with Last-Event-ID gets the rest of that stream', async () => {
    ;({ server, gates } = reconnectServer())
    const session = await openSession(server.handle)
    const reader = new SseReader(
      await server.handle(legacyPost(reconnectCall(1, 'a'), { id: session, version: V })),
    )
    const events = await reader.rest()
    const lastId = events.at(-1)?.id ?? ''
    expect(events.map((e) => (e.data === '' ? 'priming' : JSON.parse(e.data).params.data))).toEqual(
      ['priming', 'a:before'],
    )

    gates.get('a')?.()
    await delay(5)
    const resumed = await server.handle(resumeGet(session, lastId))
    expect(resumed.status).toBe(200)
    const replayed = (await new SseReader(resumed).rest()).map((e) => JSON.parse(e.data))
    expect(replayed).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'a:after' },
      },
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'a:done' }] } },
    ])
  })

  test('resuming a request still running takes over: live messages follow the replay', async () => {
    ;({ server, gates } = reconnectServer())
    const session = await openSession(server.handle)
    const first = await new SseReader(
      await server.handle(legacyPost(reconnectCall(1, 'b'), { id: session, version: V })),
    ).rest()
    const primingId = first[0]?.id ?? ''
    const resumed = new SseReader(await server.handle(resumeGet(session, primingId)))
    const replayed = await resumed.nextMessage()
    expect(replayed).toMatchObject({ params: { data: 'b:before' } })
    gates.get('b')?.()
    expect(await resumed.nextMessage()).toMatchObject({ params: { data: 'b:after' } })
    expect(await resumed.nextMessage()).toMatchObject({
      id: 1,
      result: { content: [{ text: 'b:done' }] },
    })
    expect(await resumed.next()).toBeUndefined()
    await delay(0)
    expect(server.stats.liveSessions).toBe(0)
    expect(server.stats.openStreams).toBe(0)
  })

  test('a resumption replays its own stream only, never another one', async () => {
    ;({ server, gates } = reconnectServer())
    const session = await openSession(server.handle)
    const a = await new SseReader(
      await server.handle(legacyPost(reconnectCall(1, 'a'), { id: session, version: V })),
    ).rest()
    const b = await new SseReader(
      await server.handle(legacyPost(reconnectCall(2, 'b'), { id: session, version: V })),
    ).rest()
    expect(a[0]?.id).not.toBe(b[0]?.id)
    gates.get('a')?.()
    gates.get('b')?.()
    await delay(5)
    const replayA = (
      await new SseReader(await server.handle(resumeGet(session, a[0]?.id ?? ''))).rest()
    ).map((e) => JSON.parse(e.data))
    expect(replayA.map((m) => m.params?.data ?? m.result.content[0].text)).toEqual([
      'a:before',
      'a:after',
      'a:done',
    ])
    const replayB = (
      await new SseReader(await server.handle(resumeGet(session, b.at(-1)?.id ?? ''))).rest()
    ).map((e) => JSON.parse(e.data))
    expect(replayB.map((m) => m.params?.data ?? m.result.content[0].text)).toEqual([
      'b:after',
      'b:done',
    ])
  })

  test('event ids are unique across the streams of a session', async () => {
    ;({ server, gates } = reconnectServer())
    const session = await openSession(server.handle)
    const ids = new Set<string>()
    for (const [n, tag] of [
      [1, 'x'],
      [2, 'y'],
      [3, 'z'],
    ] as const) {
      const events = await new SseReader(
        await server.handle(legacyPost(reconnectCall(n, tag), { id: session, version: V })),
      ).rest()
      for (const event of events) ids.add(event.id ?? '')
    }
    expect(ids.size).toBe(6)
  })
})

describe('legacy SSE with replay off (eventStore: false)', () => {
  test('events carry no ids and no priming event; closeStream keeps the connection, so the whole reply arrives', async () => {
    ;({ server, gates } = reconnectServer({ eventStore: false }))
    const session = await openSession(server.handle)
    const response = await server.handle(
      legacyPost(reconnectCall(1, 'a'), { id: session, version: V }),
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = new SseReader(response)
    const before = await reader.next()
    expect(before?.id).toBeUndefined()
    expect(JSON.parse(before?.data ?? '')).toMatchObject({ params: { data: 'a:before' } })
    gates.get('a')?.()
    const rest = await reader.rest()
    expect(rest.map((e) => e.id)).toEqual([undefined, undefined])
    expect(rest.map((e) => JSON.parse(e.data))).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'a:after' },
      },
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'a:done' }] } },
    ])
  })

  test('the GET stream is not primed, and a GET with a Last-Event-ID opens a fresh stream', async () => {
    ;({ server, gates } = reconnectServer({ eventStore: false }))
    const session = await openSession(server.handle)
    const fresh = await server.handle(resumeGet(session, 'p0_00000000001'))
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('content-type')).toBe('text/event-stream')
    expect(server.stats.openStreams).toBe(1)
    server.tool('new_tool', () => 'x')
    const reader = new SseReader(fresh)
    const event = await reader.next()
    expect(event?.id).toBeUndefined()
    expect(JSON.parse(event?.data ?? '')).toMatchObject({
      method: 'notifications/tools/list_changed',
    })
    await reader.cancel()
  })

  test('session.events.replay: false is the same as eventStore: false', async () => {
    ;({ server, gates } = reconnectServer({ session: { events: { replay: false } } }))
    const session = await openSession(server.handle)
    const reader = new SseReader(
      await server.handle(legacyPost(reconnectCall(1, 'a'), { id: session, version: V })),
    )
    const first = await reader.next()
    expect(first?.id).toBeUndefined()
    expect(JSON.parse(first?.data ?? '')).toMatchObject({ params: { data: 'a:before' } })
    gates.get('a')?.()
    expect((await reader.rest()).map((e) => e.id)).toEqual([undefined, undefined])
    expect(() =>
      createServer({
        name: 'r',
        version: '1',
        session: { events: { replay: false } },
        eventTracker: new EventTracker(),
      }),
    ).toThrow(/`session.events.replay` option must be true when an event tracker is given/)
  })

  test('replay off and an event tracker given at once is refused', () => {
    expect(() =>
      createServer({
        name: 'r',
        version: '1',
        eventStore: false,
        eventTracker: new EventTracker(),
      }),
    ).toThrow(/`eventStore` option must be an event store when an event tracker is given/)
  })
})
