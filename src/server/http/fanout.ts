/**
 * Delivers bus events to this instance's open streams: modern listen streams, legacy GET streams
 * and 2024-11-05 SSE connections. The bus is subscribed only while at least one stream is open.
 */
import type { BusEvent, NotificationBus } from '../modern/bus.ts'

/** A stream that wants server-wide events; it filters them itself. */
export interface FanoutTarget {
  deliver(event: BusEvent): void
}

/**
 * The set of streams listening for server-wide events.
 *
 * @example
 * const remove = fanout.add({ deliver: (event) => send(event) })
 */
export class Fanout {
  readonly #targets = new Set<FanoutTarget>()
  readonly #bus: NotificationBus
  #unsubscribe: (() => void) | undefined = undefined

  constructor(bus: NotificationBus) {
    this.#bus = bus
  }

  /** Streams attached. */
  get size(): number {
    return this.#targets.size
  }

  /** Attaches a stream; returns the function that detaches it. */
  add(target: FanoutTarget): () => void {
    this.attach(target)
    return () => this.remove(target)
  }

  /** Attaches a stream without a detach function: call {@link Fanout.remove} when it closes. */
  attach(target: FanoutTarget): void {
    this.#targets.add(target)
    this.#unsubscribe ??= this.#bus.subscribe((event) => this.#deliver(event))
  }

  /** Detaches a stream (idempotent). */
  remove(target: FanoutTarget): void {
    if (!this.#targets.delete(target) || this.#targets.size > 0) return
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
  }

  /** Detaches every stream and unsubscribes from the bus. */
  close(): void {
    this.#targets.clear()
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
  }

  #deliver(event: BusEvent): void {
    for (const target of this.#targets) {
      try {
        target.deliver(event)
      } catch {
        // A stream that fails to take an event is closing; the others still get it.
      }
    }
  }
}
