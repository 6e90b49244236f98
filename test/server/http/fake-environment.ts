// A manual clock for the transport tests: timers run only when the test advances time, and the
// number of pending timers can be asserted (zero after close()).
import type { Environment } from '../../../src/core/environment.ts'

interface Timer {
  readonly id: number
  readonly at: number
  readonly callback: () => void
}

export class FakeEnvironment implements Environment {
  #now = 0
  #nextId = 1
  readonly #timers = new Map<number, Timer>()

  now(): number {
    return this.#now
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.#nextId++
    this.#timers.set(id, { id, at: this.#now + Math.max(0, delayMs), callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number)
  }

  /** Timers scheduled and not yet run or cleared. */
  get pending(): number {
    return this.#timers.size
  }

  /** Moves the clock forward, running every timer that comes due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms
    for (;;) {
      let next: Timer | undefined
      for (const timer of this.#timers.values()) {
        if (timer.at <= target && (next === undefined || timer.at < next.at)) next = timer
      }
      if (next === undefined) break
      this.#timers.delete(next.id)
      this.#now = next.at
      next.callback()
    }
    this.#now = target
  }
}
