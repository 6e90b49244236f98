/**
 * @module
 * The in-memory {@link SessionStore}, the default of `SessionManager` and the reference the store
 * contract suite is written against. Records are kept as JSON text, so they behave like a remote
 * store (every `get` returns a fresh copy) and cost little heap. TTLs are checked lazily on read,
 * plus a bounded sweep on every write that looks at the oldest entries; there is no timer per
 * entry, or at all. The in-memory `EventStore` is in `memory-event-store.ts`, re-exported here.
 */

import type { SessionRecord, SessionStore } from './session-store.ts'
import { assertPositiveInteger, assertTtl, toJson } from './store-arguments.ts'

/** Entries the sweep looks at per write: enough to keep up with the writes that create entries. */
const SWEEP_PER_WRITE = 2

/** Options of {@link createMemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** The clock TTLs are measured with, in milliseconds. @default Date.now */
  readonly now?: () => number
  /**
   * The most records kept; writing one more drops the one written longest ago. A bound of last resort:
   * `SessionManager` already caps its sessions.
   * @default 100000
   */
  readonly maxEntries?: number
}

/** The in-memory {@link SessionStore}, with `touch` and `close`. */
export interface MemorySessionStore extends SessionStore {
  readonly name: 'memory'
  /** Records held, including expired ones not swept yet. */
  readonly size: number
  touch(id: string, ttlMs: number): Promise<void>
  /** Drops every record. */
  close(): Promise<void>
}

interface Entry {
  json: string
  expiresAt: number
}

/**
 * Creates an in-memory {@link SessionStore}. Records are kept as JSON text with an expiry time.
 *
 * @example
 * const store = createMemorySessionStore({ maxEntries: 50_000 })
 * const sessions = new SessionManager({ store })
 */
export function createMemorySessionStore(
  options: MemorySessionStoreOptions = {},
): MemorySessionStore {
  const maxEntries = options.maxEntries ?? 100_000
  assertPositiveInteger(maxEntries, 'maxEntries')
  return new MemorySessionStoreImpl(options.now ?? Date.now, maxEntries)
}

class MemorySessionStoreImpl implements MemorySessionStore {
  readonly name = 'memory' as const
  // Insertion order approximates write order: writes re-insert, the sweep rotates what it keeps.
  readonly #entries = new Map<string, Entry>()
  readonly #now: () => number
  readonly #maxEntries: number

  constructor(now: () => number, maxEntries: number) {
    this.#now = now
    this.#maxEntries = maxEntries
  }

  get size(): number {
    return this.#entries.size
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const entry = this.#entries.get(id)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(id)
      return undefined
    }
    return JSON.parse(entry.json) as SessionRecord
  }

  async set(id: string, record: SessionRecord, ttlMs: number): Promise<void> {
    assertTtl(ttlMs)
    const json = toJson(record, 'session record')
    this.#entries.delete(id)
    this.#entries.set(id, { json, expiresAt: this.#now() + ttlMs })
    this.#sweep()
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break
      this.#entries.delete(oldest)
    }
  }

  async delete(id: string): Promise<void> {
    this.#entries.delete(id)
  }

  async touch(id: string, ttlMs: number): Promise<void> {
    assertTtl(ttlMs)
    const entry = this.#entries.get(id)
    if (entry === undefined) return
    const now = this.#now()
    this.#entries.delete(id)
    if (entry.expiresAt <= now) return
    entry.expiresAt = now + ttlMs
    this.#entries.set(id, entry)
  }

  async close(): Promise<void> {
    this.#entries.clear()
  }

  /** Drops the oldest entries if expired and rotates live ones to the back, so every entry gets seen. */
  #sweep(): void {
    const now = this.#now()
    let seen = 0
    for (const [id, entry] of this.#entries) {
      if (seen++ === SWEEP_PER_WRITE) break
      this.#entries.delete(id)
      if (entry.expiresAt > now) this.#entries.set(id, entry)
    }
  }
}

export {
  createMemoryEventStore,
  type MemoryEventStore,
  type MemoryEventStoreOptions,
} from './memory-event-store.ts'
