import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { isConfigError, isStoreError } from '../../src/core/errors/guards.ts'
import { EventTracker } from '../../src/sessions/event-tracker.ts'
import type { EventTrackerEvent } from '../../src/sessions/session-events.ts'
import type { EventStore } from '../../src/stores/session-store.ts'

const message = (n: number) => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { n } })

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function recordEvents(tracker: EventTracker): EventTrackerEvent[] {
  const events: EventTrackerEvent[] = []
  tracker.events.subscribe((event) => events.push(event))
  return events
}

describe('event ids', () => {
  test('encode their stream, are valid SSE ids, unique across streams and sort in sending order', async () => {
    const tracker = new EventTracker()
    const streams = ['post-1', 'get_stream', 'a_b_c']
    const sent = new Map<string, string[]>(streams.map((stream) => [stream, []]))
    for (let n = 0; n < 300; n++) {
      const stream = streams[n % 3] ?? ''
      sent.get(stream)?.push(await tracker.trackEvent('s1', stream, message(n)))
    }
    const all = [...sent.values()].flat()
    expect(new Set(all).size).toBe(300)
    for (const [stream, ids] of sent) {
      for (const id of ids) {
        expect(id).toMatch(/^[\x21-\x7e]+$/)
        expect(id.startsWith(`${stream}_`)).toBe(true)
        expect(tracker.streamIdOf(id)).toBe(stream)
      }
      expect([...ids].sort()).toEqual(ids)
    }
  })

  test('keep increasing across trackers (a restart) and when the clock steps back', async () => {
    const first = new EventTracker()
    const a = await first.trackEvent('s', 'x', 1)
    await first.trackEvent('s', 'x', 2)
    vi.advanceTimersByTime(1) // a restart takes at least a millisecond
    const second = new EventTracker()
    const b = await second.trackEvent('s', 'x', 2)
    expect(b > a).toBe(true)
    let now = 2_000_000_000_000
    const tracker = new EventTracker({ now: () => now })
    const before = await tracker.trackEvent('s', 'x', 1)
    now -= 60_000
    const after = await tracker.trackEvent('s', 'x', 2)
    expect(after > before).toBe(true)
  })

  test('streamIdOf refuses ids the tracker did not make', () => {
    const tracker = new EventTracker()
    for (const id of [
      '',
      'abc',
      'a_',
      '_00000000001',
      'a_0000000001',
      'a_0000000000Z',
      'a b_00000000001',
    ]) {
      expect(tracker.streamIdOf(id)).toBeUndefined()
    }
    expect(tracker.streamIdOf('a_b_00000000001')).toBe('a_b')
  })

  test('trackEvent refuses an empty session id and stream ids that cannot be SSE ids', async () => {
    const tracker = new EventTracker()
    await expect(tracker.trackEvent('', 'a', 1)).rejects.toThrow(TypeError)
    for (const stream of ['', 'has space', 'line\nbreak', 'ü', 'x'.repeat(201)]) {
      await expect(tracker.trackEvent('s', stream, 1)).rejects.toThrow(TypeError)
    }
  })
})

describe('eventsSince', () => {
  test('replays the later events of that stream only, in order', async () => {
    const tracker = new EventTracker()
    const a: string[] = []
    for (let n = 0; n < 4; n++) {
      a.push(await tracker.trackEvent('s1', 'a', message(n)))
      await tracker.trackEvent('s1', 'b', message(100 + n))
    }
    const replay = await tracker.eventsSince('s1', a[1] ?? '')
    expect(replay).toStrictEqual({
      streamId: 'a',
      events: [
        { id: a[2], streamId: 'a', message: message(2) },
        { id: a[3], streamId: 'a', message: message(3) },
      ],
    })
    await expect(tracker.eventsSince('s1', a[3] ?? '')).resolves.toStrictEqual({
      streamId: 'a',
      events: [],
    })
  })

  test('unknown, malformed and other sessions’ ids resolve undefined', async () => {
    const tracker = new EventTracker()
    const id = await tracker.trackEvent('s1', 'a', 1)
    await expect(tracker.eventsSince('s2', id)).resolves.toBeUndefined()
    await expect(tracker.eventsSince('s1', 'a_00000000000')).resolves.toBeUndefined()
    await expect(tracker.eventsSince('s1', 'garbage')).resolves.toBeUndefined()
    await expect(tracker.eventsSince('s1', '')).resolves.toBeUndefined()
  })

  test('keeps maxEventsPerStream events per stream', async () => {
    const tracker = new EventTracker({ maxEventsPerStream: 3 })
    const ids: string[] = []
    for (let n = 0; n < 5; n++) ids.push(await tracker.trackEvent('s', 'a', n))
    await expect(tracker.eventsSince('s', ids[1] ?? '')).resolves.toBeUndefined()
    const replay = await tracker.eventsSince('s', ids[2] ?? '')
    expect(replay?.events.map((event) => event.message)).toEqual([3, 4])
    expect(tracker.retention).toEqual({ maxEventsPerStream: 3, ttlMs: 300_000 })
  })

  test('events expire after eventTtlMs', async () => {
    const tracker = new EventTracker({ eventTtlMs: 1000 })
    const first = await tracker.trackEvent('s', 'a', 1)
    await tracker.trackEvent('s', 'a', 2)
    vi.advanceTimersByTime(999)
    await expect(tracker.eventsSince('s', first)).resolves.toMatchObject({
      events: [{ message: 2 }],
    })
    vi.advanceTimersByTime(1)
    await expect(tracker.eventsSince('s', first)).resolves.toBeUndefined()
  })

  test('forgetSession drops every stream of that session only', async () => {
    const tracker = new EventTracker()
    const a = await tracker.trackEvent('s1', 'a', 1)
    const b = await tracker.trackEvent('s1', 'b', 1)
    const other = await tracker.trackEvent('s2', 'a', 1)
    await tracker.forgetSession('s1')
    await expect(tracker.eventsSince('s1', a)).resolves.toBeUndefined()
    await expect(tracker.eventsSince('s1', b)).resolves.toBeUndefined()
    await expect(tracker.eventsSince('s2', other)).resolves.toMatchObject({ streamId: 'a' })
  })

  test('an answer about another stream than the id says is refused', async () => {
    const store: EventStore = {
      append: async () => {},
      after: async () => ({ streamId: 'other', events: [] }),
      deleteSession: async () => {},
    }
    const tracker = new EventTracker({ store })
    const id = await tracker.trackEvent('s', 'mine', 1)
    await expect(tracker.eventsSince('s', id)).resolves.toBeUndefined()
  })
})

describe('store failures', () => {
  const failing: EventStore = {
    name: 'broken',
    append: () => Promise.reject(new Error('down')),
    after: () => Promise.reject(new Error('down')),
    deleteSession: () => Promise.reject(new Error('down')),
  }

  test('tracking goes on; the failures are store-error events', async () => {
    const tracker = new EventTracker({ store: failing })
    const events = recordEvents(tracker)
    const id = await tracker.trackEvent('s', 'a', 1)
    expect(tracker.streamIdOf(id)).toBe('a')
    await expect(tracker.eventsSince('s', id)).resolves.toBeUndefined()
    await expect(tracker.forgetSession('s')).resolves.toBeUndefined()
    expect(events.map((event) => event.operation)).toEqual(['append', 'after', 'deleteSession'])
    for (const event of events) {
      expect(isStoreError(event.error)).toBe(true)
      expect(event.error).toMatchObject({ store: 'broken' })
      expect(event.sessionId).toBe('s')
    }
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a store that hangs is given up after storeTimeoutMs', async () => {
    const hanging: EventStore = {
      append: () => new Promise(() => {}),
      after: () => new Promise(() => {}),
      deleteSession: () => new Promise(() => {}),
    }
    const tracker = new EventTracker({ store: hanging, storeTimeoutMs: 50 })
    const events = recordEvents(tracker)
    const tracking = tracker.trackEvent('s', 'a', 1)
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(50)
    await expect(tracking).resolves.toMatch(/^a_/)
    expect(events[0]?.error).toMatchObject({ code: 'STORE_UNAVAILABLE', operation: 'append' })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('options are validated', () => {
    try {
      new EventTracker({ maxEventsPerStream: 0 })
      expect.unreachable()
    } catch (error) {
      expect(isConfigError(error)).toBe(true)
      expect((error as Error).message).toContain('maxEventsPerStream')
    }
    expect(() => new EventTracker({ eventTtlMs: -5 })).toThrow(/eventTtlMs/)
    expect(() => new EventTracker({ storeTimeoutMs: Number.NaN })).toThrow(RangeError)
  })
})

describe('trackSerialized', () => {
  test('returns the id at once with the memory store, and the text is replayed as the message', async () => {
    const tracker = new EventTracker()
    const first = tracker.trackSerialized('s1', { streamId: 'post-1', json: 'null' })
    expect(typeof first).toBe('string')
    const second = tracker.trackSerialized('s1', { streamId: 'post-1', json: '{"n":1}' })
    expect(typeof second).toBe('string')
    expect(await tracker.eventsSince('s1', first as string)).toEqual({
      streamId: 'post-1',
      events: [{ id: second, streamId: 'post-1', message: { n: 1 } }],
    })
  })

  test('a store without appendSerialized gets the parsed message through append', async () => {
    const appended: unknown[] = []
    const store: EventStore = {
      name: 'plain',
      append: async (_session, event) => {
        appended.push(event)
      },
      after: async () => undefined,
      deleteSession: async () => {},
    }
    const tracker = new EventTracker({ store })
    const id = await tracker.trackSerialized('s1', { streamId: 'post-1', json: '{"n":2}' })
    expect(appended).toEqual([{ id, streamId: 'post-1', message: { n: 2 } }])
  })

  test('a failing store loses the replay, not the id; the failure is a store-error event', async () => {
    const store: EventStore = {
      name: 'broken',
      append: async () => {
        throw new Error('down')
      },
      after: async () => undefined,
      deleteSession: async () => {},
    }
    const tracker = new EventTracker({ store })
    const events = recordEvents(tracker)
    const id = await tracker.trackSerialized('s1', { streamId: 'post-1', json: '{}' })
    expect(id).toMatch(/^post-1_/)
    expect(events.map((event) => [event.type, event.operation])).toEqual([
      ['store-error', 'append'],
    ])
  })
})
