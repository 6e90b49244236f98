/**
 * The seam between mcpkit's core and the runtime's clock and timers.
 *
 * Core code never calls `setTimeout` or `performance.now()` directly: it asks an {@link Environment}.
 * Production code uses {@link defaultEnvironment}; tests pass a fake one (or use Vitest's fake timers,
 * which the default picks up because it looks the globals up on every call).
 */
export interface Environment {
  /** A monotonic clock in milliseconds, used for durations (never for wall-clock time). */
  now(): number
  /** Schedules `callback` after `delayMs`; returns a handle for {@link Environment.clearTimeout}. */
  setTimeout(callback: () => void, delayMs: number): unknown
  /** Cancels a timer returned by {@link Environment.setTimeout}; unknown handles are ignored. */
  clearTimeout(handle: unknown): void
  /**
   * Subscribes to network reachability changes, where the runtime knows them (browsers). Absent means
   * "always online". Returns an unsubscribe function.
   */
  onOnlineChange?(listener: (online: boolean) => void): () => void
}

/**
 * The runtime's own clock and timers. Globals are read at call time, so fake timers installed after
 * this module loaded (e.g. `vi.useFakeTimers()`) still take effect.
 *
 * @example
 * const engine = createJsonRpcEngine({ connection, environment: defaultEnvironment })
 */
export const defaultEnvironment: Environment = {
  now: () => globalThis.performance.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}
