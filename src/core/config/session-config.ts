import { booleanOption, durationOption, group, integerOption } from './option-specs.ts'
import { parseGroup } from './parse-group.ts'

/** How stream events are kept for replay (legacy `Last-Event-ID` resumption), as you pass it. */
export interface SessionEventsConfigInput {
  /**
   * Keep events for `Last-Event-ID` replay. Off, SSE events go out without ids or a priming event and
   * nothing is recorded (a server's `eventStore: false`): for deployments whose clients never resume.
   * @default true
   */
  readonly replay?: boolean | undefined
  /**
   * Events kept per stream; the oldest are dropped first. A client that missed more than this many
   * cannot resume and starts over.
   * @default 1000
   */
  readonly maxEventsPerStream?: number | undefined
  /**
   * How long an event stays available for replay.
   * @default 300000 (5 minutes)
   */
  readonly eventTtlMs?: number | undefined
}

/** Event retention after defaults: see {@link SessionEventsConfigInput}. */
export interface SessionEventsConfig {
  /** @default true */
  readonly replay: boolean
  /** @default 1000 */
  readonly maxEventsPerStream: number
  /** @default 300000 */
  readonly eventTtlMs: number
}

/**
 * Session settings as you pass them: every field is optional and falls back to its default. They
 * apply to the server's legacy-era sessions and to the client's own saved session state.
 *
 * @example
 * const session = resolveSessionConfig({ idleTimeoutMs: 10 * 60_000, maxSessions: 50_000 })
 */
export interface SessionConfigInput {
  /**
   * A session unused for this long expires; its client gets 404 and initializes again.
   * @default 1800000 (30 minutes)
   */
  readonly idleTimeoutMs?: number | undefined
  /**
   * A session expires this long after it was created, however busy it is.
   * @default 86400000 (24 hours)
   */
  readonly maxAgeMs?: number | undefined
  /**
   * The most sessions kept at once; creating one more evicts the least recently used. This count
   * cap is how memory stays bounded.
   * @default 10000
   */
  readonly maxSessions?: number | undefined
  /**
   * How often the write-behind worker flushes changed sessions to the store.
   * @default 1000
   */
  readonly persistIntervalMs?: number | undefined
  /**
   * How often expired sessions are swept.
   * @default 60000
   */
  readonly cleanupIntervalMs?: number | undefined
  /** How stream events are kept for replay. */
  readonly events?: SessionEventsConfigInput | undefined
}

/** Session settings after defaults: see {@link SessionConfigInput} for what each one does. */
export interface SessionConfig {
  /** @default 1800000 */
  readonly idleTimeoutMs: number
  /** @default 86400000 */
  readonly maxAgeMs: number
  /** @default 10000 */
  readonly maxSessions: number
  /** @default 1000 */
  readonly persistIntervalMs: number
  /** @default 60000 */
  readonly cleanupIntervalMs: number
  readonly events: SessionEventsConfig
}

const eventsOptions = group({
  replay: booleanOption({ default: true }),
  maxEventsPerStream: integerOption({ min: 1, default: 1000 }),
  eventTtlMs: durationOption({ min: 1, timer: false, default: 300_000 }),
})

/** The session section's options. @internal */
export const sessionOptions = group({
  idleTimeoutMs: durationOption({ min: 1, timer: false, default: 30 * 60_000 }),
  maxAgeMs: durationOption({ min: 1, timer: false, default: 24 * 60 * 60_000 }),
  maxSessions: integerOption({ min: 1, default: 10_000 }),
  persistIntervalMs: durationOption({ min: 1, timer: true, default: 1000 }),
  cleanupIntervalMs: durationOption({ min: 1, timer: true, default: 60_000 }),
  events: eventsOptions,
})

/**
 * Validates session settings and fills in defaults.
 *
 * @throws {ConfigError} naming the option (`session.events.eventTtlMs`) and the refused value.
 */
export function resolveSessionConfig(input: SessionConfigInput = {}): SessionConfig {
  const resolved = parseGroup(sessionOptions, input, {
    path: ['session'],
  })
  return resolved
}
