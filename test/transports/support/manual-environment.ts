// An Environment whose timers run only when the test moves the clock, so waits (the server's
// `retry:`, backoff) are asserted on the scheduled delays rather than on wall-clock time.
import type { Environment } from '../../../src/core/environment.ts'

export interface ScheduledTimer {
  readonly id: number
  readonly delayMs: number
  readonly at: number
  readonly callback: () => void
}

export class ManualEnvironment implements Environment {
  #now = 0
  #nextId = 1
  readonly #timers = new Map<number, ScheduledTimer>()
  readonly #waiters = new Set<() => void>()
  /** Every delay ever scheduled, in order. */
  readonly scheduled: number[] = []

  now(): number {
    return this.#now
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.#nextId++
    this.#timers.set(id, { id, delayMs, at: this.#now + Math.max(0, delayMs), callback })
    this.scheduled.push(delayMs)
    for (const wake of this.#waiters) wake()
    return id
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number)
  }

  /** Timers scheduled and neither run nor cleared. */
  get pending(): ScheduledTimer[] {
    return [...this.#timers.values()]
  }

  /** Resolves with the first pending timer that matches (by default any), once there is one. */
  waitForTimer(match: (timer: ScheduledTimer) => boolean = () => true): Promise<ScheduledTimer> {
    return new Promise((resolve) => {
      const check = () => {
        const timer = this.pending.find(match)
        if (!timer) return
        this.#waiters.delete(check)
        resolve(timer)
      }
      this.#waiters.add(check)
      check()
    })
  }

  /** Moves the clock forward, running every timer that comes due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms
    for (;;) {
      let next: ScheduledTimer | undefined
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
