/**
 * The notification bus: how "a list changed", "a resource was updated" or a server-wide log message
 * reaches every open listen stream and legacy GET stream. The registry tells the server's notifier;
 * the notifier publishes here; every server instance subscribed to the bus fans the event out to its
 * own streams. The in-memory bus serves one process; a shared bus (Redis pub/sub, say) implements
 * the same interface to reach streams held by other instances.
 */
import type { ServerLogMessage } from '../registry/log-message.ts'

/**
 * One server-wide change, or a server-wide log message (`server.log`; legacy sessions only, since a
 * 2026-07-28 client gets log messages only inside the requests it sent).
 */
export type BusEvent =
  | { readonly type: 'list_changed'; readonly kind: 'tools' | 'resources' | 'prompts' }
  | { readonly type: 'resource_updated'; readonly uri: string }
  | ({ readonly type: 'log' } & ServerLogMessage)

/**
 * A publish/subscribe channel for {@link BusEvent}s. `publish` must deliver to every subscriber,
 * including this process's own; delivery order per publisher is kept.
 *
 * @example
 * const stop = bus.subscribe((event) => console.log(event.type))
 * await bus.publish({ type: 'list_changed', kind: 'tools' })
 * stop()
 */
export interface NotificationBus {
  /** Sends `event` to every subscriber. */
  publish(event: BusEvent): void | Promise<void>
  /** Calls `listener` for every later event until the returned function is called. */
  subscribe(listener: (event: BusEvent) => void): () => void
  /** Releases the bus's resources. Optional. */
  close?(): void | Promise<void>
}

/**
 * The single-process bus: synchronous delivery, no allocation per subscriber beyond a `Set` entry.
 *
 * @example
 * const bus = new InMemoryNotificationBus()
 * const server = createServer({ name: 'x', version: '1', bus })
 */
export class InMemoryNotificationBus implements NotificationBus {
  readonly #listeners = new Set<(event: BusEvent) => void>()

  /** How many subscribers are attached. */
  get size(): number {
    return this.#listeners.size
  }

  publish(event: BusEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch {
        // One failing subscriber must not keep the event from the others.
      }
    }
  }

  subscribe(listener: (event: BusEvent) => void): () => void {
    const entry = (event: BusEvent) => listener(event)
    this.#listeners.add(entry)
    return () => {
      this.#listeners.delete(entry)
    }
  }

  close(): void {
    this.#listeners.clear()
  }
}
