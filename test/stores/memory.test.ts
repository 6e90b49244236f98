import { describe, expect, test } from 'vitest'
import { createMemoryEventStore, createMemorySessionStore } from '../../src/stores/memory.ts'
import type { SessionRecord } from '../../src/stores/session-store.ts'
import { eventStoreContract } from './event-store.contract.ts'
import { sessionStoreContract } from './session-store.contract.ts'

sessionStoreContract('memory', ({ now }) => createMemorySessionStore({ now }))
eventStoreContract('memory', ({ now }) => createMemoryEventStore({ now }))

const record = (id: string): SessionRecord => ({
  id,
  revision: '2025-11-25',
  createdAt: 0,
  lastSeenAt: 0,
})

describe('createMemorySessionStore', () => {
  test('sweeps expired records on later writes, without reading them', async () => {
    let now = 0
    const store = createMemorySessionStore({ now: () => now })
    for (let i = 0; i < 10; i++) await store.set(`old-${i}`, record(`old-${i}`), 100)
    now = 200
    for (let i = 0; i < 10; i++) await store.set(`new-${i}`, record(`new-${i}`), 100_000)
    expect(store.size).toBe(10)
  })

  test('the sweep reaches expired records behind long-lived ones', async () => {
    let now = 0
    const store = createMemorySessionStore({ now: () => now })
    for (let i = 0; i < 5; i++) await store.set(`long-${i}`, record(`long-${i}`), 100_000)
    for (let i = 0; i < 5; i++) await store.set(`short-${i}`, record(`short-${i}`), 100)
    now = 200
    for (let i = 0; i < 10; i++) await store.set(`new-${i}`, record(`new-${i}`), 100_000)
    expect(store.size).toBe(15)
    await expect(store.get('long-0')).resolves.toBeDefined()
  })

  test('keeps at most maxEntries, dropping the one written longest ago', async () => {
    const store = createMemorySessionStore({ maxEntries: 3 })
    for (const id of ['a', 'b', 'c']) await store.set(id, record(id), 60_000)
    await store.set('a', record('a'), 60_000)
    await store.set('d', record('d'), 60_000)
    expect(store.size).toBe(3)
    await expect(store.get('b')).resolves.toBeUndefined()
    for (const id of ['a', 'c', 'd']) await expect(store.get(id)).resolves.toBeDefined()
  })

  test('refuses records without a JSON form and a bad maxEntries', async () => {
    const store = createMemorySessionStore()
    const cyclic = record('x') as SessionRecord & { self?: unknown }
    cyclic.self = cyclic
    await expect(store.set('x', cyclic, 1000)).rejects.toThrow(TypeError)
    expect(() => createMemorySessionStore({ maxEntries: 0 })).toThrow(RangeError)
  })

  test('close drops everything and is named memory', async () => {
    const store = createMemorySessionStore()
    await store.set('a', record('a'), 60_000)
    await store.close()
    expect(store.size).toBe(0)
    expect(store.name).toBe('memory')
  })
})

describe('createMemoryEventStore', () => {
  const retention = { ttlMs: 100, maxEventsPerStream: 10 }
  const event = (streamId: string, n: number) => ({ id: `${streamId}_${n}`, streamId, message: n })

  test('sweeps sessions whose events all expired, on appends to other sessions', async () => {
    let now = 0
    const store = createMemoryEventStore({ now: () => now })
    for (let i = 0; i < 10; i++) await store.append(`old-${i}`, event('a', 1), retention)
    now = 200
    for (let i = 0; i < 10; i++) await store.append(`new-${i}`, event('a', 1), retention)
    expect(store.size).toBe(10)
  })

  test('keeps at most maxSessions, dropping the least recently appended', async () => {
    const store = createMemoryEventStore({ maxSessions: 2 })
    const long = { ttlMs: 60_000, maxEventsPerStream: 10 }
    await store.append('s1', event('a', 1), long)
    await store.append('s2', event('a', 1), long)
    await store.append('s1', event('a', 2), long)
    await store.append('s3', event('a', 1), long)
    expect(store.size).toBe(2)
    await expect(store.after('s2', 'a_1')).resolves.toBeUndefined()
    await expect(store.after('s1', 'a_1')).resolves.toMatchObject({ events: [{ id: 'a_2' }] })
  })

  test('keeps at most maxStreamsPerSession, dropping the least recently appended stream', async () => {
    const store = createMemoryEventStore({ maxStreamsPerSession: 2 })
    const long = { ttlMs: 60_000, maxEventsPerStream: 10 }
    await store.append('s', event('a', 1), long)
    await store.append('s', event('b', 1), long)
    await store.append('s', event('a', 2), long)
    await store.append('s', event('c', 1), long)
    await expect(store.after('s', 'b_1')).resolves.toBeUndefined()
    await expect(store.after('s', 'a_1')).resolves.toMatchObject({ events: [{ id: 'a_2' }] })
    await expect(store.after('s', 'c_1')).resolves.toMatchObject({ events: [] })
  })

  test('appends alternating between streams and sessions keep the least recently appended order', async () => {
    const store = createMemoryEventStore({ maxSessions: 2, maxStreamsPerSession: 2 })
    const long = { ttlMs: 60_000, maxEventsPerStream: 10 }
    await store.append('s1', event('a', 1), long)
    await store.append('s1', event('b', 1), long)
    await store.append('s2', event('x', 1), long)
    // Back to s1's older stream: it becomes the most recent of s1, and s1 of the store.
    await store.append('s1', event('a', 2), long)
    await store.append('s1', event('c', 1), long)
    await expect(store.after('s1', 'b_1')).resolves.toBeUndefined()
    await expect(store.after('s1', 'a_1')).resolves.toMatchObject({ events: [{ id: 'a_2' }] })
    await store.append('s3', event('y', 1), long)
    await expect(store.after('s2', 'x_1')).resolves.toBeUndefined()
    await expect(store.after('s1', 'c_1')).resolves.toMatchObject({ events: [] })
    // A deleted session starts over when appended to again.
    await store.deleteSession('s1')
    await store.append('s1', event('a', 3), long)
    await expect(store.after('s1', 'a_1')).resolves.toBeUndefined()
    await store.append('s1', event('a', 4), long)
    await expect(store.after('s1', 'a_3')).resolves.toMatchObject({ events: [{ id: 'a_4' }] })
    expect(store.size).toBe(2)
  })

  test('an event with a shorter TTL than the ones before it is not replayed once expired', async () => {
    let now = 0
    const store = createMemoryEventStore({ now: () => now })
    await store.append('s', event('a', 1), { ttlMs: 1000, maxEventsPerStream: 10 })
    await store.append('s', event('a', 2), { ttlMs: 10, maxEventsPerStream: 10 })
    await store.append('s', event('a', 3), { ttlMs: 1000, maxEventsPerStream: 10 })
    now = 50
    await expect(store.after('s', 'a_1')).resolves.toMatchObject({ events: [{ id: 'a_3' }] })
    await expect(store.after('s', 'a_2')).resolves.toBeUndefined()
  })

  test('refuses messages without a JSON form and bad limits', async () => {
    const store = createMemoryEventStore()
    await expect(
      store.append('s', { id: 'a_1', streamId: 'a', message: undefined }, retention),
    ).rejects.toThrow(TypeError)
    expect(() => createMemoryEventStore({ maxSessions: 0 })).toThrow(RangeError)
    expect(() => createMemoryEventStore({ maxStreamsPerSession: -1 })).toThrow(RangeError)
  })

  test('appendSerialized keeps the JSON text as sent, synchronously, and replays it parsed', async () => {
    const store = createMemoryEventStore()
    const long = { ttlMs: 60_000, maxEventsPerStream: 10 }
    expect(store.appendSerialized?.('s', { id: 'a_1', streamId: 'a', json: 'null' }, long)).toBe(
      undefined,
    )
    store.appendSerialized?.('s', { id: 'a_2', streamId: 'a', json: '{"n":2}' }, long)
    await store.append('s', { id: 'a_3', streamId: 'a', message: { n: 3 } }, long)
    expect(await store.after('s', 'a_1')).toEqual({
      streamId: 'a',
      events: [
        { id: 'a_2', streamId: 'a', message: { n: 2 } },
        { id: 'a_3', streamId: 'a', message: { n: 3 } },
      ],
    })
    expect(() =>
      store.appendSerialized?.('s', { id: 'a_4', streamId: 'a', json: undefined as never }, long),
    ).toThrow(TypeError)
  })

  test('the sweep reclaims sessions whose streams all expired, however many streams they hold', async () => {
    let now = 0
    const store = createMemoryEventStore({ now: () => now })
    for (let s = 0; s < 20; s++) {
      for (let k = 0; k < 50; k++) await store.append(`old-${s}`, event(`st${k}`, 1), retention)
    }
    now = 1000
    // Each write sweeps a bounded number of streams at most every 100 ms: time moves on as it would.
    for (let i = 0; i < 400; i++) {
      now += 100
      await store.append('fresh', event('a', i), { ttlMs: 1_000_000, maxEventsPerStream: 10 })
    }
    expect(store.size).toBe(1)
  })
})

describe('createMemoryEventStore: the byte log', () => {
  const long = { ttlMs: 60_000, maxEventsPerStream: 100_000 }
  const event = (streamId: string, n: number, message: unknown = n) => ({
    id: `${streamId}_${n}`,
    streamId,
    message,
  })

  test('past maxBytesPerSession the oldest events go, the newest stay, whatever they weigh', async () => {
    const store = createMemoryEventStore({ maxBytesPerSession: 4096 })
    const text = 'x'.repeat(100)
    for (let n = 1; n <= 200; n++) await store.append('s', event('a', n, text), long)
    // Each record holds ~120 bytes: far fewer than 200 fit in 4 KiB, and what is kept is the newest.
    await expect(store.after('s', 'a_1')).resolves.toBeUndefined()
    const kept = await store.after('s', 'a_190')
    expect(kept?.events.map((e) => e.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `a_${191 + i}`),
    )
    // An event larger than the bound is kept, alone, until the next one comes.
    await store.append('s', event('a', 201, 'y'.repeat(10_000)), long)
    await expect(store.after('s', 'a_200')).resolves.toBeUndefined()
    await expect(store.after('s', 'a_201')).resolves.toEqual({ streamId: 'a', events: [] })
    await store.append('s', event('a', 202, 'z'), long)
    await expect(store.after('s', 'a_201')).resolves.toBeUndefined()
    await expect(store.after('s', 'a_202')).resolves.toEqual({ streamId: 'a', events: [] })
    expect(() => createMemoryEventStore({ maxBytesPerSession: 0 })).toThrow(RangeError)
  })

  test('a large ASCII event takes its own size from the bound, not twice its length', async () => {
    const store = createMemoryEventStore({ maxBytesPerSession: 4096 })
    for (let n = 1; n <= 10; n++) await store.append('s', event('a', n), long)
    // ~2.5 KB as ASCII: history and event fit in 4 KiB; stored two bytes per unit they would not.
    await store.append('s', event('a', 11, 'x'.repeat(2500)), long)
    const kept = await store.after('s', 'a_1')
    expect(kept?.events.map((e) => e.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `a_${i + 2}`),
    )
  })

  test('growing, compacting and shrinking the buffer keeps every event, in order', async () => {
    let now = 0
    const store = createMemoryEventStore({ now: () => now })
    const expected: string[] = []
    for (let n = 0; n < 3000; n++) {
      const streamId = `s${n % 3}`
      await store.append('s', event(streamId, n, { n, pad: 'p'.repeat(n % 50) }), long)
      if (streamId === 's0' && n > 0) expected.push(`s0_${n}`)
    }
    const all = await store.after('s', 's0_0')
    expect(all?.events.map((e) => e.id)).toEqual(expected)
    expect(all?.events.at(-1)?.message).toEqual({ n: 2997, pad: 'p'.repeat(2997 % 50) })
    // Everything expires; the next append drops it and the buffer starts small again.
    now = 120_000
    await store.append('s', event('t', 1), long)
    await store.append('s', event('t', 2), long)
    await expect(store.after('s', 's0_0')).resolves.toBeUndefined()
    await expect(store.after('s', 't_1')).resolves.toMatchObject({ events: [{ id: 't_2' }] })
  })

  test('ids and JSON text come back exactly: non-ASCII, lone surrogates, empty strings', async () => {
    const store = createMemoryEventStore()
    const odd = ['é', '\ud800', '🙂', '', 'a\u0000b']
    for (const [n, text] of odd.entries()) {
      store.appendSerialized?.(
        's',
        { id: `ïd-${text}-${n}`, streamId: `strëam${text}`, json: JSON.stringify({ text }) },
        long,
      )
    }
    for (const [n, text] of odd.entries()) {
      store.appendSerialized?.(
        's',
        { id: `next-${n}`, streamId: `strëam${text}`, json: JSON.stringify([text]) },
        long,
      )
      await expect(store.after('s', `ïd-${text}-${n}`)).resolves.toEqual({
        streamId: `strëam${text}`,
        events: [{ id: `next-${n}`, streamId: `strëam${text}`, message: [text] }],
      })
    }
  })

  test('refuses ids that are not strings; limits past 2^32 events keep everything', async () => {
    const store = createMemoryEventStore()
    const huge = { ttlMs: 60_000, maxEventsPerStream: 2 ** 40 }
    expect(() =>
      store.appendSerialized?.('s', { id: 7 as never, streamId: 'a', json: '1' }, huge),
    ).toThrow(TypeError)
    expect(() =>
      store.appendSerialized?.('s', { id: 'a_1', streamId: null as never, json: '1' }, huge),
    ).toThrow(TypeError)
    for (let n = 1; n <= 5; n++) await store.append('s', event('a', n), huge)
    await expect(store.after('s', 'a_1')).resolves.toMatchObject({ events: { length: 4 } })
  })

  test('expiry stays exact for clocks past 2^32 ms, and is never early for fractional TTLs', async () => {
    let now = 2 ** 40 + 0.25
    const store = createMemoryEventStore({ now: () => now })
    await store.append('s', event('a', 1), { ttlMs: 1000.5, maxEventsPerStream: 10 })
    await store.append('s', event('a', 2), { ttlMs: 1000.5, maxEventsPerStream: 10 })
    now += 1000.5
    await expect(store.after('s', 'a_1')).resolves.toMatchObject({ events: [{ id: 'a_2' }] })
    now += 1
    await expect(store.after('s', 'a_1')).resolves.toBeUndefined()
  })
})

// The suites' real-clock mode (the one Redis uses), proven on the memory stores with real waits.
sessionStoreContract('memory, real clock', () => createMemorySessionStore(), {
  clock: 'real',
  shortTtlMs: 80,
})
eventStoreContract('memory, real clock', () => createMemoryEventStore(), {
  clock: 'real',
  shortTtlMs: 80,
})
