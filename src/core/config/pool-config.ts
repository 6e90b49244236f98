import { durationOption, group, integerOption } from './option-specs.ts'
import { parseGroup } from './parse-group.ts'

/**
 * Client connection-pool settings as you pass them: every field is optional and falls back to its
 * default.
 *
 * @example
 * const pool = resolvePoolConfig({ maxConnections: 4, acquireTimeoutMs: 2000 })
 */
export interface PoolConfigInput {
  /**
   * The most connections open at once, busy or idle.
   * @default 10
   */
  readonly maxConnections?: number | undefined
  /**
   * The most idle connections kept for reuse. Values above
   * {@link PoolConfigInput.maxConnections} resolve to `maxConnections`, since no more can be open.
   * @default 10
   */
  readonly maxIdle?: number | undefined
  /**
   * An idle connection unused for this long is closed.
   * @default 60000
   */
  readonly idleTimeoutMs?: number | undefined
  /**
   * How long a caller waits for a free connection when all are busy before failing with a
   * `TimeoutError`.
   * @default 10000
   */
  readonly acquireTimeoutMs?: number | undefined
}

/** Connection-pool settings after defaults: see {@link PoolConfigInput}. */
export interface PoolConfig {
  /** @default 10 */
  readonly maxConnections: number
  /** Never above `maxConnections`. @default 10 */
  readonly maxIdle: number
  /** @default 60000 */
  readonly idleTimeoutMs: number
  /** @default 10000 */
  readonly acquireTimeoutMs: number
}

/** The pool section's options. @internal */
export const poolOptions = group(
  {
    maxConnections: integerOption({ min: 1, default: 10 }),
    maxIdle: integerOption({ min: 0, default: 10 }),
    idleTimeoutMs: durationOption({ min: 1, timer: true, default: 60_000 }),
    acquireTimeoutMs: durationOption({ min: 1, timer: true, default: 10_000 }),
  },
  {
    // Clamped rather than refused: re-resolving a resolved config after lowering maxConnections (an
    // environment override, say) must not fail on a maxIdle the user never chose.
    normalize: (value) => ({ ...value, maxIdle: Math.min(value.maxIdle, value.maxConnections) }),
  },
)

/**
 * Validates connection-pool settings and fills in defaults.
 *
 * @throws {ConfigError} naming the option (`pool.maxConnections`) and the refused value.
 */
export function resolvePoolConfig(input: PoolConfigInput = {}): PoolConfig {
  const resolved = parseGroup(poolOptions, input, {
    path: ['pool'],
  })
  return resolved
}
