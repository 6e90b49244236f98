/**
 * The timeouts of one outgoing request, shared by the engine and the client's modern HTTP exchange:
 * an idle limit (restarted by progress when asked) and a hard total limit.
 *
 * @internal
 */
import type { Environment } from '../environment.ts'

/** Which limit ran out: the idle one (for the response or between progress updates), or the total. */
export type TimeoutKind = 'idle' | 'total'

/** The limits of one request; `Infinity` turns one off. */
export interface RequestLimits {
  readonly idleMs: number
  readonly totalMs: number
  /** Progress restarts the idle limit; the total limit then still applies. */
  readonly resetOnProgress: boolean
}

/**
 * Arms a request's timers at once. Without `resetOnProgress` only the shorter limit is armed (it is
 * the one that fires); with it, both are. `onTimeout` runs at most once per armed timer; clear the
 * timers when the request settles.
 *
 * @example
 * const timers = new RequestTimers(environment, { idleMs: 60_000, totalMs: 300_000, resetOnProgress: true },
 *   (kind, timeoutMs) => reject(new TimeoutError({ operation, timeoutMs, kind })))
 * timers.progressed() // on each progress notification
 * timers.clear() // once settled
 */
export class RequestTimers {
  readonly #environment: Environment
  readonly #limits: RequestLimits
  readonly #onTimeout: (kind: TimeoutKind, timeoutMs: number) => void
  #idle: unknown
  #total: unknown

  constructor(
    environment: Environment,
    limits: RequestLimits,
    onTimeout: (kind: TimeoutKind, timeoutMs: number) => void,
  ) {
    this.#environment = environment
    this.#limits = limits
    this.#onTimeout = onTimeout
    const { idleMs, totalMs, resetOnProgress } = limits
    if (resetOnProgress) {
      this.#idle = this.#schedule('idle', idleMs)
      this.#total = this.#schedule('total', totalMs)
    } else {
      this.#idle = this.#schedule(idleMs <= totalMs ? 'idle' : 'total', Math.min(idleMs, totalMs))
    }
  }

  /** Restarts the idle limit, if progress does that for this request. */
  progressed(): void {
    if (!this.#limits.resetOnProgress || this.#idle === undefined) return
    this.#environment.clearTimeout(this.#idle)
    this.#idle = this.#schedule('idle', this.#limits.idleMs)
  }

  /** Stops every timer. */
  clear(): void {
    if (this.#idle !== undefined) this.#environment.clearTimeout(this.#idle)
    if (this.#total !== undefined) this.#environment.clearTimeout(this.#total)
    this.#idle = this.#total = undefined
  }

  #schedule(kind: TimeoutKind, delayMs: number): unknown {
    if (delayMs === Number.POSITIVE_INFINITY) return undefined
    return this.#environment.setTimeout(() => this.#onTimeout(kind, delayMs), delayMs)
  }
}
