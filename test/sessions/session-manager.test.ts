import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { isAbortError, isConfigError } from '../../src/core/errors/guards.ts'
import { EventTracker } from '../../src/sessions/event-tracker.ts'
import { SessionManager } from '../../src/sessions/session-manager.ts'
import { controlledStore, ofType, recordEvents } from './support.ts'

const MINUTE = 60_000
const config = {
  idleTimeoutMs: 10 * MINUTE,
  maxAgeMs: 60 * MINUTE,
  maxSessions: 3,
  persistIntervalMs: 1000,
  cleanupIntervalMs: MINUTE,
}

let managers: SessionManager[] = []
function manager(options: ConstructorParameters<typeof SessionManager>[0] = {}): SessionManager {
  const created = new SessionManager({ config, ...options })
  managers.push(created)
  return created
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(async () => {
  await Promise.all(managers.map((m) => m.close()))
  managers = []
  vi.useRealTimers()
})

describe('create, get, peek', () => {
  test('create opens a session with a fresh visible-ASCII id and reports it', async () => {
    const sessions = manager()
    const events = recordEvents(sessions)
    const clientInfo = { name: 'c', version: '1' }
    const record = await sessions.create({ revision: '2025-11-25', clientInfo })
    expect(record).toStrictEqual({
      id: expect.stringMatching(/^[\x21-\x7e]+$/),
      revision: '2025-11-25',
      clientInfo,
      createdAt: Date.now(),
      lastSeenAt: Date.now(),
    })
    const other = await sessions.create({ revision: '2025-06-18' })
    expect(other.id).not.toBe(record.id)
    expect(sessions.size).toBe(2)
    expect(ofType(events, 'opened')).toEqual([
      { type: 'opened', sessionId: record.id, revision: '2025-11-25' },
      { type: 'opened', sessionId: other.id, revision: '2025-06-18' },
    ])
  })

  test('peek and get return the live record itself; unknown ids find nothing', async () => {
    const sessions = manager()
    const record = await sessions.create({ revision: '2025-11-25' })
    expect(sessions.peek(record.id)).toBe(record)
    await expect(sessions.get(record.id)).resolves.toBe(record)
    expect(sessions.peek('nope')).toBeUndefined()
    await expect(sessions.get('nope')).resolves.toBeUndefined()
  })

  test('touch marks activity; update sets and clears fields', async () => {
    const sessions = manager()
    const record = await sessions.create({ revision: '2025-11-25', metadata: { up: '1' } })
    vi.advanceTimersByTime(5000)
    sessions.touch(record.id)
    expect(record.lastSeenAt).toBe(Date.now())
    expect(record.createdAt).toBe(Date.now() - 5000)
    sessions.update(record.id, { logLevel: 'error', subscriptions: ['file:///a'] })
    expect(record).toMatchObject({ logLevel: 'error', subscriptions: ['file:///a'] })
    sessions.update(record.id, { logLevel: undefined, metadata: undefined })
    expect('logLevel' in record).toBe(false)
    expect('metadata' in record).toBe(false)
    expect(record.subscriptions).toEqual(['file:///a'])
    sessions.touch('unknown')
    sessions.update('unknown', { logLevel: 'x' })
    expect(sessions.size).toBe(1)
  })

  test('delete ends the session here and in the store, reporting the reason', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const events = recordEvents(sessions)
    const [a, b, c] = [
      await sessions.create({ revision: '2025-11-25' }),
      await sessions.create({ revision: '2025-11-25' }),
      await sessions.create({ revision: '2025-11-25' }),
    ]
    if (!a || !b || !c) throw new Error('unreachable')
    await sessions.delete(a.id)
    await sessions.delete(b.id, 'expired')
    await sessions.delete(c.id, 'evicted')
    await sessions.delete('unknown')
    expect(sessions.size).toBe(0)
    expect(sessions.peek(a.id)).toBeUndefined()
    await expect(store.inner.get(a.id)).resolves.toBeUndefined()
    await expect(sessions.get(a.id)).resolves.toBeUndefined()
    expect(events.filter((e) => e.type !== 'opened')).toEqual([
      { type: 'closed', sessionId: a.id },
      { type: 'expired', sessionId: b.id, reason: 'requested' },
      { type: 'evicted', sessionId: c.id },
    ])
  })

  test('ending a session forgets its replay events in the tracker', async () => {
    const eventTracker = new EventTracker()
    const sessions = manager({ eventTracker })
    const record = await sessions.create({ revision: '2025-11-25' })
    const eventId = await eventTracker.trackEvent(record.id, 'stream', { n: 1 })
    await eventTracker.trackEvent(record.id, 'stream', { n: 2 })
    await expect(eventTracker.eventsSince(record.id, eventId)).resolves.toBeDefined()
    expect(sessions.eventTracker).toBe(eventTracker)
    await sessions.delete(record.id)
    await expect(eventTracker.eventsSince(record.id, eventId)).resolves.toBeUndefined()
  })
})

describe('expiry', () => {
  test('max age and eviction forget replay events; idle expiry leaves them to their own TTL', async () => {
    const eventTracker = new EventTracker({ eventTtlMs: 30 * MINUTE })
    const sessions = manager({ eventTracker, config: { ...config, idleTimeoutMs: 20 * MINUTE } })
    const track = async (id: string) => {
      const first = await eventTracker.trackEvent(id, 'a', 1)
      await eventTracker.trackEvent(id, 'a', 2)
      return () => eventTracker.eventsSince(id, first)
    }
    const old = await sessions.create({ revision: '2025-11-25' })
    for (let minute = 0; minute < 50; minute++) {
      sessions.touch(old.id)
      await vi.advanceTimersByTimeAsync(MINUTE)
    }
    const idle = await sessions.create({ revision: '2025-11-25' })
    const idleEvents = await track(idle.id)
    const oldEvents = await track(old.id)
    for (let minute = 0; minute <= 10; minute++) {
      sessions.touch(old.id)
      await vi.advanceTimersByTimeAsync(MINUTE)
    }
    expect(sessions.peek(old.id)).toBeUndefined()
    await expect(oldEvents()).resolves.toBeUndefined()
    await expect(idleEvents()).resolves.toBeDefined()
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    expect(sessions.peek(idle.id)).toBeUndefined()
    await expect(idleEvents()).resolves.toBeDefined()
    const evictees = []
    for (let i = 0; i < config.maxSessions; i++) {
      const record = await sessions.create({ revision: '2025-11-25' })
      evictees.push(await track(record.id))
    }
    await sessions.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(0)
    await expect(evictees[0]?.()).resolves.toBeUndefined()
    await expect(evictees[1]?.()).resolves.toBeDefined()
  })

  test('an idle session expires on access, and by the sweep without any access', async () => {
    const sessions = manager()
    const events = recordEvents(sessions)
    const a = await sessions.create({ revision: '2025-11-25' })
    const b = await sessions.create({ revision: '2025-11-25' })
    vi.advanceTimersByTime(config.idleTimeoutMs - 1)
    expect(sessions.peek(a.id)).toBe(a)
    sessions.touch(b.id)
    vi.advanceTimersByTime(1)
    expect(sessions.peek(a.id)).toBeUndefined()
    expect(sessions.size).toBe(1)
    await vi.advanceTimersByTimeAsync(config.idleTimeoutMs)
    expect(sessions.size).toBe(0)
    expect(ofType(events, 'expired')).toEqual([
      { type: 'expired', sessionId: a.id, reason: 'idle' },
      { type: 'expired', sessionId: b.id, reason: 'idle' },
    ])
  })

  test('a sweep expires at most 10,000 sessions per turn and goes on at once with the rest', async () => {
    const sessions = manager({ config: { ...config, maxSessions: 30_000 } })
    for (let i = 0; i < 25_000; i++) await sessions.create({ revision: '2025-11-25' })
    vi.advanceTimersByTime(config.idleTimeoutMs - 1)
    expect(sessions.size).toBe(25_000)
    const sizes: number[] = []
    for (let turn = 0; turn < 10 && sessions.size > 0; turn++) {
      vi.advanceTimersToNextTimer()
      if (sizes.at(-1) !== sessions.size) sizes.push(sessions.size)
    }
    expect(sizes).toEqual([15_000, 5_000, 0])
  })

  test('a busy session still expires at its maximum age', async () => {
    const sessions = manager()
    const events = recordEvents(sessions)
    const record = await sessions.create({ revision: '2025-11-25' })
    for (let elapsed = 0; elapsed < config.maxAgeMs; elapsed += MINUTE) {
      expect(sessions.peek(record.id)).toBe(record)
      sessions.touch(record.id)
      vi.advanceTimersByTime(MINUTE)
    }
    await expect(sessions.get(record.id)).resolves.toBeUndefined()
    expect(ofType(events, 'expired')).toEqual([
      { type: 'expired', sessionId: record.id, reason: 'max-age' },
    ])
  })

  test('an expired session is not brought back from the store', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const record = await sessions.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(config.idleTimeoutMs)
    await expect(sessions.get(record.id)).resolves.toBeUndefined()
    await expect(store.inner.get(record.id)).resolves.toBeUndefined()
  })
})

describe('session cap', () => {
  test('past maxSessions the least recently used session is evicted', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const events = recordEvents(sessions)
    const a = await sessions.create({ revision: '2025-11-25' })
    const b = await sessions.create({ revision: '2025-11-25' })
    const c = await sessions.create({ revision: '2025-11-25' })
    vi.advanceTimersByTime(10)
    sessions.touch(a.id)
    const d = await sessions.create({ revision: '2025-11-25' })
    sessions.touch(c.id)
    const e = await sessions.create({ revision: '2025-11-25' })
    expect(ofType(events, 'evicted').map((event) => event.sessionId)).toEqual([b.id, a.id])
    expect(sessions.size).toBe(3)
    for (const live of [c, d, e]) expect(sessions.peek(live.id)).toBe(live)
    // Evicted clients get 404: the store copy is deleted, and is never read back meanwhile.
    await expect(sessions.get(b.id)).resolves.toBeUndefined()
    expect(store.calls.get).toBe(0)
    await sessions.flush()
    await expect(store.inner.get(b.id)).resolves.toBeUndefined()
    await expect(store.inner.get(a.id)).resolves.toBeUndefined()
    await expect(sessions.get(a.id)).resolves.toBeUndefined()
  })

  test('at the cap an expired session makes room before any live one is evicted', async () => {
    const sessions = manager()
    const events = recordEvents(sessions)
    const a = await sessions.create({ revision: '2025-11-25' })
    vi.advanceTimersByTime(config.idleTimeoutMs - 10)
    await sessions.create({ revision: '2025-11-25' })
    await sessions.create({ revision: '2025-11-25' })
    vi.advanceTimersByTime(10)
    await sessions.create({ revision: '2025-11-25' })
    expect(ofType(events, 'expired')).toEqual([
      { type: 'expired', sessionId: a.id, reason: 'idle' },
    ])
    expect(ofType(events, 'evicted')).toEqual([])
  })

  test('opened + loaded - closed - expired - evicted is always the size', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const other = manager({ store, config: { ...config, maxSessions: 100 } })
    const events = recordEvents(sessions)
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await other.create({ revision: '2025-11-25' })).id)
    for (const id of ids.slice(0, 2)) await sessions.get(id)
    for (let i = 0; i < 4; i++) ids.push((await sessions.create({ revision: '2025-11-25' })).id)
    await sessions.delete(ids.at(-1) ?? '')
    vi.advanceTimersByTime(config.idleTimeoutMs)
    sessions.peek(ids.at(-2) ?? '')
    const count = (type: string) => events.filter((event) => event.type === type).length
    const expected =
      count('opened') + count('loaded') - count('closed') - count('expired') - count('evicted')
    expect(count('loaded')).toBe(2)
    expect(count('evicted')).toBeGreaterThan(0)
    expect(expected).toBe(sessions.size)
  })
})

describe('lifecycle', () => {
  test('two timers run (worker and sweep) and none remains after close', async () => {
    const sessions = manager()
    expect(vi.getTimerCount()).toBe(2)
    await sessions.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(5 * config.persistIntervalMs)
    expect(vi.getTimerCount()).toBe(2)
    await sessions.close()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('after close the manager is inert; close is idempotent', async () => {
    const sessions = manager()
    const record = await sessions.create({ revision: '2025-11-25' })
    const closing = sessions.close()
    expect(sessions.close()).toBe(closing)
    await closing
    const error = await sessions.create({ revision: '2025-11-25' }).catch((e: unknown) => e)
    expect(isAbortError(error)).toBe(true)
    expect(sessions.peek(record.id)).toBeUndefined()
    await expect(sessions.get(record.id)).resolves.toBeUndefined()
    await expect(sessions.delete(record.id)).resolves.toBeUndefined()
    expect(sessions.size).toBe(0)
  })

  test('a store the manager created is closed with it; a store you pass is not', async () => {
    const store = controlledStore()
    const closeSpy = vi.fn(async () => {})
    store.close = closeSpy
    const sessions = manager({ store })
    await sessions.close()
    expect(closeSpy).not.toHaveBeenCalled()
  })

  test('options are validated on construction', () => {
    expect(() => new SessionManager({ config: { maxSessions: 0 } })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('maxSessions') }),
    )
    try {
      new SessionManager({ config: { idleTimeoutMs: -1 } })
      expect.unreachable()
    } catch (error) {
      expect(isConfigError(error)).toBe(true)
    }
    expect(() => new SessionManager({ storeTimeoutMs: 0 })).toThrow(RangeError)
    expect(vi.getTimerCount()).toBe(0)
  })

  test('refuses ids that are not visible ASCII or already taken, and a missing revision', async () => {
    const ids = ['bad id', 'same', 'same']
    const sessions = manager({ generateId: () => ids.shift() ?? 'x' })
    await expect(sessions.create({ revision: '2025-11-25' })).rejects.toThrow(TypeError)
    await sessions.create({ revision: '2025-11-25' })
    await expect(sessions.create({ revision: '2025-11-25' })).rejects.toThrow(TypeError)
    await expect(sessions.create({ revision: '' })).rejects.toThrow(TypeError)
    expect(sessions.size).toBe(1)
  })
})
