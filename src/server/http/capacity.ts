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
 * A slot held by a request. The request handler may keep it beyond its return (an SSE reply); if
 * it does not, the transport releases it as soon as the answer is there.
 */
export class RequestSlot implements Slot {
  readonly #capacity: Capacity
  #held = true
  #kept = false

  constructor(capacity: Capacity) {
    this.#capacity = capacity
  }

  /** Whether the handler took the slot over (it releases it later). */
  get kept(): boolean {
    return this.#kept
  }

  /** Takes the slot over: the caller releases it later. */
  keep(): void {
    this.#kept = true
  }

  release(): void {
    if (!this.#held) return
    this.#held = false
    this.#capacity.release()
  }
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
  tryAcquire(): RequestSlot | undefined {
    if (this.#used >= this.#max) return undefined
    this.#used++
    return new RequestSlot(this)
  }

  /** Gives a slot back; only {@link RequestSlot.release} calls it, once per slot. */
  release(): void {
    this.#used--
  }
}
