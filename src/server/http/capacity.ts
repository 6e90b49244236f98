/**
 * The connection semaphore behind `maxClients`: every request being handled and every open stream
 * holds one slot. When none is free the server answers 503 with `Retry-After` at once instead of
 * queueing, so overload stays visible and memory bounded.
 */

/** One held slot. `release()` is idempotent, so every exit path may call it. */
export interface Slot {
  release(): void
}

/**
 * A counting semaphore without a queue.
 *
 * @example
 * const slot = capacity.tryAcquire()
 * if (slot === undefined) return overloaded()
 * try { return await work() } finally { slot.release() }
 */
export class Capacity {
  readonly #max: number
  #used = 0

  constructor(max: number) {
    this.#max = max
  }

  /** Slots in use. */
  get used(): number {
    return this.#used
  }

  /** Takes a slot, or returns `undefined` when all are in use. */
  tryAcquire(): Slot | undefined {
    if (this.#used >= this.#max) return undefined
    this.#used++
    let held = true
    return {
      release: () => {
        if (!held) return
        held = false
        this.#used--
      },
    }
  }
}
