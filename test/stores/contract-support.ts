// Shared plumbing of the store contract suites: the clock the suites drive, unique ids per test (so a
// store shared between tests, such as one Redis database, needs no flushing) and the options both
// suites take.

/** What a store factory receives from a contract suite. */
export interface StoreContractContext {
  /**
   * The suite's clock, in epoch milliseconds. A store that can take an injected clock should read
   * time from it; the suite then moves time forward instantly instead of waiting.
   */
  readonly now: () => number
}

/** Makes a fresh store for one test. */
export type StoreFactory<TStore> = (context: StoreContractContext) => TStore | Promise<TStore>

/** Options every contract suite takes. */
export interface StoreContractOptions<TStore> {
  /**
   * How the expiry tests make time pass.
   * - `virtual`: the factory wired `context.now` into the store; time jumps instantly.
   * - `real`: the store uses real time (Redis); the tests use short TTLs and wait.
   * @default 'virtual'
   */
  readonly clock?: 'virtual' | 'real'
  /** The short TTL of the expiry tests with a real clock. @default 300 */
  readonly shortTtlMs?: number
  /** Tears a store down after each test. @default calls `store.close?.()` */
  readonly dispose?: (store: TStore) => unknown
}

/** A clock that either jumps (virtual) or waits (real). */
export interface ContractClock {
  readonly now: () => number
  /** Lets `ms` pass. */
  advance(ms: number): Promise<void>
  /** A TTL for expiry tests: long enough to observe before it ends, short enough to wait for. */
  readonly shortTtlMs: number
}

/** 2026-01-01T00:00:00Z: a plausible epoch time for virtual clocks. */
const VIRTUAL_EPOCH_MS = 1_767_225_600_000

export function createContractClock(
  options: Pick<StoreContractOptions<never>, 'clock' | 'shortTtlMs'>,
): ContractClock {
  if (options.clock === 'real') {
    return {
      now: () => Date.now(),
      advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      shortTtlMs: options.shortTtlMs ?? 300,
    }
  }
  let now = VIRTUAL_EPOCH_MS
  return {
    now: () => now,
    advance: async (ms) => {
      now += ms
    },
    shortTtlMs: 1000,
  }
}

let counter = 0

/** An id no other test (or earlier run against a persistent store) uses. */
export function uniqueId(prefix: string): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${counter}`
}
