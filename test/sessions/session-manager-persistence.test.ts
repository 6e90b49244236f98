import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { isStoreError } from '../../src/core/errors/guards.ts'
import { SessionManager } from '../../src/sessions/session-manager.ts'
import { createMemorySessionStore } from '../../src/stores/memory.ts'
import type { SessionRecord, SessionStore } from '../../src/stores/session-store.ts'
import { controlledStore, ofType, recordEvents } from './support.ts'

const MINUTE = 60_000
const config = {
  idleTimeoutMs: 10 * MINUTE,
  maxAgeMs: 60 * MINUTE,
  maxSessions: 100,
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

describe('write-behind worker', () => {
  test('a new session is written at once; later activity is coalesced per flush', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const events = recordEvents(sessions)
    const record = await sessions.create({ revision: '2025-11-25' })
    expect(store.calls.set).toBe(1)
    for (let i = 0; i < 100; i++) sessions.touch(record.id)
    for (let i = 0; i < 10; i++) sessions.update(record.id, { logLevel: `level-${i}` })
    for (let i = 0; i < 100; i++) sessions.touch(record.id)
    expect(store.calls).toMatchObject({ set: 1, touch: 0 })
    await vi.advanceTimersByTimeAsync(config.persistIntervalMs)
    expect(store.calls).toMatchObject({ set: 2, touch: 0 })
    await expect(store.inner.get(record.id)).resolves.toMatchObject({ logLevel: 'level-9' })
    for (let i = 0; i < 50; i++) sessions.touch(record.id)
    await vi.advanceTimersByTimeAsync(config.persistIntervalMs)
    expect(store.calls).toMatchObject({ set: 2, touch: 1 })
    await vi.advanceTimersByTimeAsync(5 * config.persistIntervalMs)
    expect(store.calls).toMatchObject({ set: 2, touch: 1, delete: 0 })
    expect(ofType(events, 'persisted')).toEqual([
      expect.objectContaining({ written: 1, touched: 0, deleted: 0, failed: 0 }),
      expect.objectContaining({ written: 0, touched: 1, deleted: 0, failed: 0 }),
    ])
  })

  test('without touch in the store, a TTL refresh is a whole write', async () => {
    const store = controlledStore({ touch: false })
    const sessions = manager({ store })
    const record = await sessions.create({ revision: '2025-11-25' })
    sessions.touch(record.id)
    sessions.touch(record.id)
    await vi.advanceTimersByTimeAsync(config.persistIntervalMs)
    expect(store.calls).toMatchObject({ set: 2, touch: 0 })
  })

  test("the store's TTL follows the session's idle deadline", async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const idle = await sessions.create({ revision: '2025-11-25' })
    const busy = await sessions.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    sessions.touch(busy.id)
    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1)
    await expect(store.inner.get(idle.id)).resolves.toBeDefined()
    await vi.advanceTimersByTimeAsync(1)
    await expect(store.inner.get(idle.id)).resolves.toBeUndefined()
    await expect(store.inner.get(busy.id)).resolves.toBeDefined()
  })

  test('close flushes pending changes and leaves no timer', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const record = await sessions.create({ revision: '2025-11-25' })
    sessions.update(record.id, { subscriptions: ['file:///x'] })
    await sessions.close()
    await expect(store.inner.get(record.id)).resolves.toMatchObject({
      subscriptions: ['file:///x'],
    })
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('store failures', () => {
  test('a throwing store loses nothing: errors are reported, writes retried until it recovers', async () => {
    const store = controlledStore()
    store.mode = 'throw'
    const sessions = manager({ store })
    const events = recordEvents(sessions)
    const record = await sessions.create({ revision: '2025-11-25' })
    expect(sessions.peek(record.id)).toBe(record)
    sessions.update(record.id, { logLevel: 'debug' })
    await vi.advanceTimersByTimeAsync(3 * config.persistIntervalMs)
    const errors = ofType(events, 'store-error')
    expect(errors).toHaveLength(4)
    expect(errors[0]).toMatchObject({ operation: 'set', failed: 1, sessionId: record.id })
    for (const event of errors) {
      expect(isStoreError(event.error)).toBe(true)
      expect(event.error).toMatchObject({ store: 'controlled', operation: 'set', code: 'STORE' })
      expect(event.error.message).toContain('connection refused')
    }
    expect(store.calls.set).toBe(4)
    store.mode = 'ok'
    await vi.advanceTimersByTimeAsync(config.persistIntervalMs)
    await expect(store.inner.get(record.id)).resolves.toMatchObject({ logLevel: 'debug' })
    expect(ofType(events, 'persisted').at(-1)).toMatchObject({ written: 1, failed: 0 })
    await vi.advanceTimersByTimeAsync(config.persistIntervalMs)
    expect(store.calls.set).toBe(5)
    await expect(sessions.get(record.id)).resolves.toBe(record)
  })

  test('a hanging store times out (storeTimeoutMs) and cannot hang close()', async () => {
    const store = controlledStore()
    store.mode = 'hang'
    const sessions = manager({ store, storeTimeoutMs: 200 })
    const events = recordEvents(sessions)
    const creating = sessions.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(200)
    const record = await creating
    expect(ofType(events, 'store-error')[0]?.error).toMatchObject({ code: 'STORE_UNAVAILABLE' })
    const getting = sessions.get('elsewhere')
    await vi.advanceTimersByTimeAsync(200)
    await expect(getting).resolves.toBeUndefined()
    const closing = sessions.close()
    await vi.advanceTimersByTimeAsync(200)
    await closing
    expect(ofType(events, 'store-error').map((e) => e.operation)).toEqual(['set', 'get', 'set'])
    expect(ofType(events, 'store-error').at(-1)?.failed).toBe(1)
    expect(record.id).toBeTypeOf('string')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a failed delete is retried, and the session is never read back meanwhile', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    const events = recordEvents(sessions)
    const record = await sessions.create({ revision: '2025-11-25' })
    store.mode = 'throw'
    await sessions.delete(record.id)
    expect(ofType(events, 'store-error')).toEqual([
      expect.objectContaining({ operation: 'delete', sessionId: record.id }),
    ])
    store.mode = 'ok'
    await expect(sessions.get(record.id)).resolves.toBeUndefined()
    expect(store.calls.get).toBe(0)
    await vi.advanceTimersByTimeAsync(config.persistIntervalMs)
    await expect(store.inner.get(record.id)).resolves.toBeUndefined()
    expect(ofType(events, 'persisted').at(-1)).toMatchObject({ deleted: 1 })
  })

  test('get reports a failing store and finds nothing', async () => {
    const store = controlledStore()
    store.mode = 'throw'
    const sessions = manager({ store })
    const events = recordEvents(sessions)
    await expect(sessions.get('some-id')).resolves.toBeUndefined()
    expect(ofType(events, 'store-error')).toEqual([
      expect.objectContaining({ operation: 'get', sessionId: 'some-id' }),
    ])
  })

  test('a store that throws synchronously is handled like one that rejects', async () => {
    const throwing: SessionStore = {
      get: () => {
        throw new Error('sync get')
      },
      set: () => {
        throw new Error('sync set')
      },
      delete: () => {
        throw new Error('sync delete')
      },
    }
    const sessions = manager({ store: throwing })
    const events = recordEvents(sessions)
    const record = await sessions.create({ revision: '2025-11-25' })
    await expect(sessions.get('x')).resolves.toBeUndefined()
    await sessions.delete(record.id)
    expect(ofType(events, 'store-error').map((e) => [e.operation, e.error.store])).toEqual([
      ['set', 'session'],
      ['get', 'session'],
      ['delete', 'session'],
    ])
  })
})

describe('several processes on one store', () => {
  test('a session created by one manager is found by another', async () => {
    const store = createMemorySessionStore()
    const a = manager({ store })
    const b = manager({ store })
    const events = recordEvents(b)
    const record = await a.create({ revision: '2025-11-25', clientInfo: { name: 'x' } })
    expect(b.peek(record.id)).toBeUndefined()
    const seen = await b.get(record.id)
    expect(seen).toStrictEqual(record)
    expect(seen).not.toBe(record)
    expect(b.peek(record.id)).toBe(seen)
    expect(ofType(events, 'loaded')).toEqual([{ type: 'loaded', sessionId: record.id }])
    a.update(record.id, { logLevel: 'info' })
    await a.flush()
    const c = manager({ store })
    await expect(c.get(record.id)).resolves.toMatchObject({ logLevel: 'info' })
  })

  test('taking a session from the store counts as activity', async () => {
    const store = createMemorySessionStore()
    const a = manager({ store })
    const b = manager({ store })
    const record = await a.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(9 * MINUTE)
    const loaded = await b.get(record.id)
    expect(loaded?.lastSeenAt).toBe(Date.now())
    await vi.advanceTimersByTimeAsync(2 * MINUTE)
    expect(b.peek(record.id)).toBeDefined()
    await expect(store.get(record.id)).resolves.toMatchObject({ id: record.id })
  })

  test('a session kept alive elsewhere outlives its idle copy here', async () => {
    const store = createMemorySessionStore()
    const a = manager({ store })
    const b = manager({ store })
    const events = recordEvents(a)
    const record = await a.create({ revision: '2025-11-25' })
    await b.get(record.id)
    for (let minute = 0; minute < 15; minute++) {
      b.touch(record.id)
      await vi.advanceTimersByTimeAsync(MINUTE)
    }
    expect(a.peek(record.id)).toBeUndefined()
    expect(ofType(events, 'expired')).toEqual([
      { type: 'expired', sessionId: record.id, reason: 'idle' },
    ])
    await expect(a.get(record.id)).resolves.toMatchObject({ id: record.id })
    expect(ofType(events, 'loaded')).toHaveLength(1)
  })

  test('ids that cannot be session ids never reach the store', async () => {
    const store = controlledStore()
    const sessions = manager({ store })
    for (const id of ['', 'with space', 'new\nline', 'é', 'x'.repeat(300)]) {
      await expect(sessions.get(id)).resolves.toBeUndefined()
    }
    expect(store.calls.get).toBe(0)
  })

  test('a session deleted while it is being read from the store stays deleted', async () => {
    const store = createMemorySessionStore()
    const a = manager({ store })
    const b = manager({ store })
    const record = await a.create({ revision: '2025-11-25' })
    const loading = b.get(record.id)
    await b.delete(record.id)
    await expect(loading).resolves.toBeUndefined()
    expect(b.size).toBe(0)
    await expect(store.get(record.id)).resolves.toBeUndefined()
  })

  test('concurrent gets read the store once', async () => {
    const store = controlledStore()
    const a = manager({ store })
    const b = manager({ store })
    const record = await a.create({ revision: '2025-11-25' })
    const [first, second] = await Promise.all([b.get(record.id), b.get(record.id)])
    expect(first).toBe(second)
    expect(store.calls.get).toBe(1)
  })

  test('records from the store are checked: foreign shapes and sessions past max age are refused', async () => {
    const store = createMemorySessionStore()
    const sessions = manager({ store })
    const now = Date.now()
    await store.set(
      'wrong-id',
      { id: 'other', revision: 'r', createdAt: now, lastSeenAt: now },
      MINUTE,
    )
    await store.set(
      'no-revision',
      { id: 'no-revision', createdAt: now } as unknown as SessionRecord,
      MINUTE,
    )
    const old = { id: 'old', revision: 'r', createdAt: now - config.maxAgeMs, lastSeenAt: now }
    await store.set('old', old, MINUTE)
    for (const id of ['wrong-id', 'no-revision', 'old']) {
      await expect(sessions.get(id)).resolves.toBeUndefined()
    }
    expect(sessions.size).toBe(0)
  })

  test('a session closed while its first write is in flight does not stay in the store', async () => {
    const inner = createMemorySessionStore()
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const store: SessionStore = {
      get: (id) => inner.get(id),
      set: async (id, record, ttlMs) => {
        await gate
        await inner.set(id, record, ttlMs)
      },
      delete: (id) => inner.delete(id),
    }
    const sessions = manager({ store, storeTimeoutMs: 60_000, generateId: () => 'in-flight' })
    const creating = sessions.create({ revision: '2025-11-25' })
    await vi.advanceTimersByTimeAsync(0)
    expect(sessions.peek('in-flight')).toBeDefined()
    await sessions.delete('in-flight')
    release()
    await expect(creating).resolves.toMatchObject({ id: 'in-flight' })
    await sessions.flush()
    await expect(inner.get('in-flight')).resolves.toBeUndefined()
  })
})
