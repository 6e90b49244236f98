// Test doubles for the session tests: stores that count calls, fail on demand or hang. Mocks belong
// in unit tests only (seed decision 9); the contract suites use real stores.
import type { SessionEvent } from '../../src/sessions/session-events.ts'
import type { SessionManager } from '../../src/sessions/session-manager.ts'
import { createMemorySessionStore } from '../../src/stores/memory.ts'
import type { SessionStore } from '../../src/stores/session-store.ts'

export type StoreMode = 'ok' | 'throw' | 'hang'

/** A memory store behind a switch: `ok`, `throw` (every call rejects) or `hang` (never answers). */
export interface ControlledStore extends SessionStore {
  readonly calls: { get: number; set: number; delete: number; touch: number }
  /** Every id written with `set`, in order. */
  readonly writes: string[]
  mode: StoreMode
  readonly inner: ReturnType<typeof createMemorySessionStore>
}

export function controlledStore(options: { touch?: boolean } = {}): ControlledStore {
  const inner = createMemorySessionStore()
  const calls = { get: 0, set: 0, delete: 0, touch: 0 }
  const writes: string[] = []
  const store: ControlledStore = {
    name: 'controlled',
    calls,
    writes,
    mode: 'ok',
    inner,
    get: (id) =>
      run(
        store,
        () => inner.get(id),
        () => calls.get++,
      ),
    set: (id, record, ttlMs) =>
      run(
        store,
        () => inner.set(id, record, ttlMs),
        () => {
          calls.set++
          writes.push(id)
        },
      ),
    delete: (id) =>
      run(
        store,
        () => inner.delete(id),
        () => calls.delete++,
      ),
  }
  if (options.touch !== false) {
    store.touch = (id, ttlMs) =>
      run(
        store,
        () => inner.touch(id, ttlMs),
        () => calls.touch++,
      )
  }
  return store
}

function run<TValue>(
  store: ControlledStore,
  call: () => Promise<TValue>,
  count: () => void,
): Promise<TValue> {
  count()
  if (store.mode === 'throw') return Promise.reject(new Error('connection refused'))
  if (store.mode === 'hang') return new Promise<TValue>(() => {})
  return call()
}

/** Collects a manager's events. */
export function recordEvents(manager: SessionManager): SessionEvent[] {
  const events: SessionEvent[] = []
  manager.events.subscribe((event) => events.push(event))
  return events
}

/** The events of one type, narrowed. */
export function ofType<TType extends SessionEvent['type']>(
  events: readonly SessionEvent[],
  type: TType,
): Array<Extract<SessionEvent, { type: TType }>> {
  return events.filter(
    (event): event is Extract<SessionEvent, { type: TType }> => event.type === type,
  )
}
