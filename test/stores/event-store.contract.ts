// The EventStore contract: every event store (memory, IndexedDB, Redis) runs this one suite. Call
// eventStoreContract() from a *.test.ts file.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { AppendOptions, EventStore, StoredEvent } from '../../src/stores/session-store.ts'
import {
  type ContractClock,
  createContractClock,
  type StoreContractOptions,
  type StoreFactory,
  uniqueId,
} from './contract-support.ts'

/** Options of {@link eventStoreContract}. */
export type EventStoreContractOptions = StoreContractOptions<EventStore>

/** A JSON-RPC-looking message with values only a faithful JSON round trip keeps. */
function message(n: number): unknown {
  return {
    jsonrpc: '2.0',
    method: 'notifications/message',
    params: { level: 'info', data: { n, text: `événement ${n} ✓`, list: [n, null, true, 1.5] } },
  }
}

/**
 * Registers the EventStore contract tests for one store.
 *
 * @example
 * eventStoreContract('memory', ({ now }) => createMemoryEventStore({ now }))
 */
export function eventStoreContract(
  name: string,
  createStore: StoreFactory<EventStore>,
  options: EventStoreContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let clock: ContractClock
    let store: EventStore
    let session: string
    let retention: AppendOptions

    /** Appends events `first..last` to `streamId` of `sessionId`, one after the other. */
    async function appendRange(
      streamId: string,
      range: { first: number; last: number; sessionId?: string; options?: AppendOptions },
    ): Promise<StoredEvent[]> {
      const events: StoredEvent[] = []
      for (let n = range.first; n <= range.last; n++) {
        const event = { id: `${streamId}_${n}`, streamId, message: message(n) }
        await store.append(range.sessionId ?? session, event, range.options ?? retention)
        events.push(event)
      }
      return events
    }

    beforeEach(async () => {
      clock = createContractClock(options)
      store = await createStore({ now: clock.now })
      session = uniqueId('session')
      retention = { ttlMs: 60_000, maxEventsPerStream: 100 }
    })
    afterEach(async () => {
      await (options.dispose ? options.dispose(store) : store.close?.())
    })

    describe('append and after', () => {
      test('after on an unknown session or an unknown event id resolves undefined', async () => {
        await expect(store.after(uniqueId('nobody'), 'a_1')).resolves.toBeUndefined()
        await appendRange('a', { first: 1, last: 2 })
        await expect(store.after(session, 'a_99')).resolves.toBeUndefined()
        await expect(store.after(session, 'b_1')).resolves.toBeUndefined()
        await expect(store.after(session, '')).resolves.toBeUndefined()
      })

      test('returns the later events of the stream in order, messages round-tripped', async () => {
        const events = await appendRange('a', { first: 1, last: 5 })
        await expect(store.after(session, 'a_2')).resolves.toStrictEqual({
          streamId: 'a',
          events: events.slice(2),
        })
      })

      test('after the last event: the stream, with no events', async () => {
        await appendRange('a', { first: 1, last: 3 })
        await expect(store.after(session, 'a_3')).resolves.toStrictEqual({
          streamId: 'a',
          events: [],
        })
      })

      test('replays only the stream of the given event, never another', async () => {
        const a: StoredEvent[] = []
        const b: StoredEvent[] = []
        for (let n = 1; n <= 4; n++) {
          a.push(...(await appendRange('a', { first: n, last: n })))
          b.push(...(await appendRange('b', { first: n, last: n })))
        }
        await expect(store.after(session, 'a_1')).resolves.toStrictEqual({
          streamId: 'a',
          events: a.slice(1),
        })
        await expect(store.after(session, 'b_3')).resolves.toStrictEqual({
          streamId: 'b',
          events: b.slice(3),
        })
      })

      test('the streamId hint gives the same answer; a wrong hint finds nothing', async () => {
        const events = await appendRange('a', { first: 1, last: 3 })
        await appendRange('b', { first: 1, last: 3 })
        await expect(store.after(session, 'a_1', { streamId: 'a' })).resolves.toStrictEqual({
          streamId: 'a',
          events: events.slice(1),
        })
        await expect(store.after(session, 'a_1', { streamId: 'b' })).resolves.toBeUndefined()
      })

      test('returned events are copies', async () => {
        await appendRange('a', { first: 1, last: 2 })
        const first = await store.after(session, 'a_1')
        const event = first?.events[0] as { message: { params: { level: string } } } | undefined
        if (event === undefined) throw new Error('event missing')
        event.message.params.level = 'changed'
        const again = await store.after(session, 'a_1')
        expect(again?.events[0]?.message).toStrictEqual(message(2))
      })

      test('any JSON value is a message', async () => {
        const values = [null, 0, -1.5, 'text', [1, 'two'], { a: { b: [] } }, true]
        for (const [n, value] of values.entries()) {
          await store.append(session, { id: `v_${n}`, streamId: 'v', message: value }, retention)
        }
        const found = await store.after(session, 'v_0')
        expect(found?.events.map((event) => event.message)).toStrictEqual(values.slice(1))
      })

      test('sessions are separate, even with the same stream and event ids', async () => {
        const other = uniqueId('other-session')
        await appendRange('a', { first: 1, last: 3 })
        await store.append(other, { id: 'a_1', streamId: 'a', message: 'x' }, retention)
        await store.append(other, { id: 'a_2', streamId: 'a', message: 'y' }, retention)
        await expect(store.after(other, 'a_1')).resolves.toStrictEqual({
          streamId: 'a',
          events: [{ id: 'a_2', streamId: 'a', message: 'y' }],
        })
        await expect(store.after(other, 'a_3')).resolves.toBeUndefined()
        await expect(store.after(session, 'a_2')).resolves.toMatchObject({
          events: [{ id: 'a_3' }],
        })
      })
    })

    describe('retention', () => {
      test('keeps at most maxEventsPerStream per stream, dropping the oldest', async () => {
        const bounded = { ttlMs: 60_000, maxEventsPerStream: 3 }
        const a = await appendRange('a', { first: 1, last: 6, options: bounded })
        const b = await appendRange('b', { first: 1, last: 2, options: bounded })
        await expect(store.after(session, 'a_3')).resolves.toBeUndefined()
        await expect(store.after(session, 'a_4')).resolves.toStrictEqual({
          streamId: 'a',
          events: a.slice(4),
        })
        await expect(store.after(session, 'b_1')).resolves.toStrictEqual({
          streamId: 'b',
          events: b.slice(1),
        })
      })

      test('events are gone once their TTL has passed, not before', async () => {
        const short = { ttlMs: clock.shortTtlMs, maxEventsPerStream: 100 }
        await appendRange('a', { first: 1, last: 2, options: short })
        await clock.advance(clock.shortTtlMs / 2)
        await expect(store.after(session, 'a_1')).resolves.toMatchObject({
          events: [{ id: 'a_2' }],
        })
        await clock.advance(clock.shortTtlMs)
        await expect(store.after(session, 'a_1')).resolves.toBeUndefined()
        await expect(store.after(session, 'a_2')).resolves.toBeUndefined()
      })

      test('refuses retention that is not bounded', async () => {
        const event = { id: 'a_1', streamId: 'a', message: 1 }
        const bad: AppendOptions[] = [
          { ttlMs: 0, maxEventsPerStream: 10 },
          { ttlMs: Number.POSITIVE_INFINITY, maxEventsPerStream: 10 },
          { ttlMs: 1000, maxEventsPerStream: 0 },
          { ttlMs: 1000, maxEventsPerStream: 1.5 },
        ]
        for (const options of bad) {
          await expect(store.append(session, event, options)).rejects.toThrow(RangeError)
        }
        await expect(store.after(session, 'a_1')).resolves.toBeUndefined()
      })

      test('deleteSession forgets every stream of that session only', async () => {
        const other = uniqueId('kept-session')
        await appendRange('a', { first: 1, last: 2 })
        await appendRange('b', { first: 1, last: 2 })
        await appendRange('a', { first: 1, last: 2, sessionId: other })
        await store.deleteSession(session)
        await expect(store.after(session, 'a_1')).resolves.toBeUndefined()
        await expect(store.after(session, 'b_1')).resolves.toBeUndefined()
        await expect(store.after(other, 'a_1')).resolves.toMatchObject({ streamId: 'a' })
        await expect(store.deleteSession(uniqueId('never-used'))).resolves.toBeUndefined()
      })
    })

    describe('concurrency', () => {
      test('concurrent appends all land, in the order they were issued', async () => {
        const events = Array.from({ length: 30 }, (_, n) => ({
          id: `c_${n}`,
          streamId: n % 2 === 0 ? 'even' : 'odd',
          message: message(n),
        }))
        await Promise.all(events.map((event) => store.append(session, event, retention)))
        await expect(store.after(session, 'c_0')).resolves.toStrictEqual({
          streamId: 'even',
          events: events.filter((event) => event.streamId === 'even').slice(1),
        })
        await expect(store.after(session, 'c_1')).resolves.toStrictEqual({
          streamId: 'odd',
          events: events.filter((event) => event.streamId === 'odd').slice(1),
        })
      })
    })
  })
}
