/** A function that receives events of type `TEvent`. */
export type Listener<TEvent> = (event: TEvent) => void

/**
 * The read side of a {@link Subscribable}: what mcpkit hands to metrics, devtools and applications.
 * It cannot emit.
 */
export interface ReadonlySubscribable<TEvent> {
  /**
   * Calls `listener` for every later event until the returned function is called.
   *
   * @example
   * const stop = engine.events.subscribe((event) => {
   *   if (event.type === 'request:settled') histogram.observe(event.durationMs)
   * })
   * stop()
   */
  subscribe(listener: Listener<TEvent>): () => void
  /** Whether anyone listens. Emitters check it before building an event, so idle events cost nothing. */
  readonly hasListeners: boolean
}

/** Options of {@link Subscribable}. */
export interface SubscribableOptions {
  /** Called when the first listener subscribes: wire expensive sources lazily here. */
  readonly onFirstSubscribe?: () => void
  /** Called when the last listener unsubscribes: release what `onFirstSubscribe` wired. */
  readonly onLastUnsubscribe?: () => void
  /**
   * Receives errors thrown by listeners. A failing listener never breaks the emitter or the other
   * listeners. @default `globalThis.reportError` where it exists, otherwise the error is dropped
   */
  readonly onListenerError?: (error: unknown) => void
}

/**
 * A tiny typed event source: listeners live in a `Set`, `subscribe` returns its own unsubscribe, and
 * {@link Subscribable.hasListeners} lets emitters skip building events nobody will see.
 *
 * @example
 * const events = new Subscribable<{ type: 'tick'; n: number }>()
 * const stop = events.subscribe((event) => console.log(event.n))
 * if (events.hasListeners) events.emit({ type: 'tick', n: 1 })
 * stop()
 */
export class Subscribable<TEvent> implements ReadonlySubscribable<TEvent> {
  readonly #listeners = new Set<Listener<TEvent>>()
  readonly #options: SubscribableOptions

  constructor(options: SubscribableOptions = {}) {
    this.#options = options
  }

  get hasListeners(): boolean {
    return this.#listeners.size > 0
  }

  subscribe(listener: Listener<TEvent>): () => void {
    // A wrapper per subscription makes subscribing the same function twice two subscriptions, and
    // makes each unsubscribe remove exactly its own.
    const entry: Listener<TEvent> = (event) => listener(event)
    this.#listeners.add(entry)
    if (this.#listeners.size === 1) this.#options.onFirstSubscribe?.()
    return () => {
      if (!this.#listeners.delete(entry)) return
      if (this.#listeners.size === 0) this.#options.onLastUnsubscribe?.()
    }
  }

  /** Delivers `event` to every listener, in subscription order. Listener errors are isolated. */
  emit(event: TEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch (error) {
        this.#reportListenerError(error)
      }
    }
  }

  #reportListenerError(error: unknown): void {
    const report =
      this.#options.onListenerError ??
      (globalThis as { reportError?: (error: unknown) => void }).reportError
    try {
      report?.(error)
    } catch {
      // The error reporter itself failed; nothing sensible is left to do with the error.
    }
  }
}
