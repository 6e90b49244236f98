// The SessionStore contract: every store (memory, IndexedDB on fake-indexeddb and in Chromium, Redis)
// runs this one suite. Call sessionStoreContract() from a *.test.ts file.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { SessionRecord, SessionStore } from '../../src/stores/session-store.ts'
import {
  type ContractClock,
  createContractClock,
  type StoreContractOptions,
  type StoreFactory,
  uniqueId,
} from './contract-support.ts'

/** Options of {@link sessionStoreContract}. */
export interface SessionStoreContractOptions extends StoreContractOptions<SessionStore> {
  /** Whether the store implements the optional `touch`. @default true */
  readonly touch?: boolean
}

/** A record using every field, with values that survive only a faithful JSON round trip. */
function fullRecord(id: string, now: number): SessionRecord {
  return {
    id,
    revision: '2025-11-25',
    clientInfo: {
      name: 'client ✓ 客户端 🚀',
      version: '1.2.3',
      title: null,
      nested: { deep: [1, 2.5] },
    },
    clientCapabilities: { roots: { listChanged: true }, sampling: {}, elicitation: { form: {} } },
    createdAt: now,
    lastSeenAt: now + 1,
    logLevel: 'warning',
    subscriptions: ['file:///a.txt', 'db://x?y=1&z="q"'],
    metadata: { upstreamSessionId: 'up-1', 'quote"key': 'line\nbreak' },
  }
}

function minimalRecord(id: string, now: number): SessionRecord {
  return { id, revision: '2025-03-26', createdAt: now, lastSeenAt: now }
}

/**
 * Registers the SessionStore contract tests for one store.
 *
 * @example
 * sessionStoreContract('memory', ({ now }) => createMemorySessionStore({ now }))
 * sessionStoreContract('redis', () => createRedisSessionStore({ client }), { clock: 'real' })
 */
export function sessionStoreContract(
  name: string,
  createStore: StoreFactory<SessionStore>,
  options: SessionStoreContractOptions = {},
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let clock: ContractClock
    let store: SessionStore
    const LONG_TTL_MS = 60_000

    beforeEach(async () => {
      clock = createContractClock(options)
      store = await createStore({ now: clock.now })
    })
    afterEach(async () => {
      await (options.dispose ? options.dispose(store) : store.close?.())
    })

    describe('get, set, delete', () => {
      test('get of an unknown id resolves undefined', async () => {
        await expect(store.get(uniqueId('unknown'))).resolves.toBeUndefined()
      })

      test('set then get round-trips a full record through JSON', async () => {
        const id = uniqueId('full')
        const record = fullRecord(id, clock.now())
        await store.set(id, record, LONG_TTL_MS)
        await expect(store.get(id)).resolves.toStrictEqual(record)
        const minimal = minimalRecord(uniqueId('minimal'), clock.now())
        await store.set(minimal.id, minimal, LONG_TTL_MS)
        await expect(store.get(minimal.id)).resolves.toStrictEqual(minimal)
      })

      test('get returns a copy: changing it, or the record given to set, changes nothing stored', async () => {
        const id = uniqueId('copy')
        const record = fullRecord(id, clock.now())
        const expected = structuredClone(record)
        await store.set(id, record, LONG_TTL_MS)
        record.lastSeenAt = 0
        record.logLevel = 'debug'
        const first = await store.get(id)
        if (first === undefined) throw new Error('record missing')
        first.lastSeenAt = 42
        first.subscriptions = []
        await expect(store.get(id)).resolves.toStrictEqual(expected)
      })

      test('set replaces the whole record', async () => {
        const id = uniqueId('replace')
        await store.set(id, fullRecord(id, clock.now()), LONG_TTL_MS)
        const replacement = minimalRecord(id, clock.now() + 5)
        await store.set(id, replacement, LONG_TTL_MS)
        await expect(store.get(id)).resolves.toStrictEqual(replacement)
      })

      test('delete removes only that record; deleting an unknown id resolves', async () => {
        const a = uniqueId('delete-a')
        const b = uniqueId('delete-b')
        // One timestamp: on the real clock two reads may straddle a millisecond.
        const now = clock.now()
        await store.set(a, minimalRecord(a, now), LONG_TTL_MS)
        await store.set(b, minimalRecord(b, now), LONG_TTL_MS)
        await store.delete(a)
        await expect(store.get(a)).resolves.toBeUndefined()
        await expect(store.get(b)).resolves.toStrictEqual(minimalRecord(b, now))
        await expect(store.delete(uniqueId('never-set'))).resolves.toBeUndefined()
      })

      test('ids are opaque: ids differing by case or special characters are distinct keys', async () => {
        const base = uniqueId('opaque')
        const ids = [base, base.toUpperCase(), `${base}:x`, `${base}/x`, `${base}*`, `${base}-ü`]
        for (const [index, id] of ids.entries()) {
          await store.set(id, minimalRecord(id, index), LONG_TTL_MS)
        }
        for (const [index, id] of ids.entries()) {
          await expect(store.get(id)).resolves.toStrictEqual(minimalRecord(id, index))
        }
      })
    })

    describe('TTL', () => {
      test('a record is gone once its TTL has passed, not before', async () => {
        const id = uniqueId('ttl')
        await store.set(id, minimalRecord(id, clock.now()), clock.shortTtlMs)
        await expect(store.get(id)).resolves.toBeDefined()
        await clock.advance(clock.shortTtlMs / 2)
        await expect(store.get(id)).resolves.toBeDefined()
        await clock.advance(clock.shortTtlMs)
        await expect(store.get(id)).resolves.toBeUndefined()
      })

      test('set restarts the TTL', async () => {
        const id = uniqueId('ttl-reset')
        await store.set(id, minimalRecord(id, clock.now()), clock.shortTtlMs)
        await clock.advance(clock.shortTtlMs * 0.6)
        await store.set(id, minimalRecord(id, clock.now()), clock.shortTtlMs)
        await clock.advance(clock.shortTtlMs * 0.6)
        await expect(store.get(id)).resolves.toBeDefined()
      })

      test('TTLs are per record', async () => {
        const short = uniqueId('ttl-short')
        const long = uniqueId('ttl-long')
        await store.set(short, minimalRecord(short, clock.now()), clock.shortTtlMs)
        await store.set(long, minimalRecord(long, clock.now()), LONG_TTL_MS)
        await clock.advance(clock.shortTtlMs * 1.5)
        await expect(store.get(short)).resolves.toBeUndefined()
        await expect(store.get(long)).resolves.toBeDefined()
      })

      test('TTLs are never off: set refuses a TTL that is not a positive finite number', async () => {
        const id = uniqueId('bad-ttl')
        for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
          await expect(store.set(id, minimalRecord(id, 0), ttl)).rejects.toThrow(RangeError)
        }
        await expect(store.get(id)).resolves.toBeUndefined()
      })
    })

    if (options.touch === false) {
      test('declares no touch', () => {
        expect(store.touch).toBeUndefined()
      })
    } else {
      describe('touch', () => {
        test('touch restarts the TTL and leaves the record as it was', async () => {
          const id = uniqueId('touch')
          const record = fullRecord(id, clock.now())
          await store.set(id, record, clock.shortTtlMs)
          await clock.advance(clock.shortTtlMs * 0.6)
          await store.touch?.(id, clock.shortTtlMs)
          await clock.advance(clock.shortTtlMs * 0.6)
          await expect(store.get(id)).resolves.toStrictEqual(record)
          await clock.advance(clock.shortTtlMs * 0.6)
          await expect(store.get(id)).resolves.toBeUndefined()
        })

        test('touch of an unknown or expired id does not create it', async () => {
          expect(typeof store.touch).toBe('function')
          const unknown = uniqueId('touch-unknown')
          await store.touch?.(unknown, LONG_TTL_MS)
          await expect(store.get(unknown)).resolves.toBeUndefined()
          const expired = uniqueId('touch-expired')
          await store.set(expired, minimalRecord(expired, clock.now()), clock.shortTtlMs)
          await clock.advance(clock.shortTtlMs * 1.5)
          await store.touch?.(expired, LONG_TTL_MS)
          await expect(store.get(expired)).resolves.toBeUndefined()
        })

        test('touch refuses a TTL that is not a positive finite number', async () => {
          const id = uniqueId('touch-bad-ttl')
          await store.set(id, minimalRecord(id, 0), LONG_TTL_MS)
          await expect(store.touch?.(id, 0)).rejects.toThrow(RangeError)
        })
      })
    }

    describe('concurrency', () => {
      test('concurrent writes to different ids all land', async () => {
        const ids = Array.from({ length: 50 }, () => uniqueId('parallel'))
        await Promise.all(ids.map((id, i) => store.set(id, minimalRecord(id, i), LONG_TTL_MS)))
        const read = await Promise.all(ids.map((id) => store.get(id)))
        expect(read).toStrictEqual(ids.map((id, i) => minimalRecord(id, i)))
      })

      test('concurrent writes to one id leave one complete record: the last one issued', async () => {
        const id = uniqueId('same')
        const versions = Array.from({ length: 20 }, (_, i) => ({
          ...fullRecord(id, i),
          logLevel: `level-${i}`,
        }))
        await Promise.all(versions.map((record) => store.set(id, record, LONG_TTL_MS)))
        await expect(store.get(id)).resolves.toStrictEqual(versions.at(-1))
      })

      test('operations issued in order apply in order: set, delete, set, delete', async () => {
        const id = uniqueId('ordered')
        await Promise.all([
          store.set(id, minimalRecord(id, 1), LONG_TTL_MS),
          store.delete(id),
          store.set(id, minimalRecord(id, 2), LONG_TTL_MS),
        ])
        await expect(store.get(id)).resolves.toStrictEqual(minimalRecord(id, 2))
        await Promise.all([store.set(id, minimalRecord(id, 3), LONG_TTL_MS), store.delete(id)])
        await expect(store.get(id)).resolves.toBeUndefined()
      })
    })
  })
}
