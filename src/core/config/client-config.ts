import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../eras/versions.ts'
import {
  booleanOption,
  durationOption,
  group,
  integerOption,
  notBelow,
  numberOption,
  optionalChoiceOption,
  textOption,
} from './option-specs.ts'
import { parseGroup } from './parse-group.ts'

/** How a client reconnects a dropped stream, as you pass it. */
export interface ReconnectConfigInput {
  /**
   * Delay before the first retry. A server's SSE `retry:` value takes precedence.
   * @default 1000
   */
  readonly initialDelayMs?: number | undefined
  /**
   * Cap for any single delay; must be at least {@link ReconnectConfigInput.initialDelayMs}.
   * @default 30000
   */
  readonly maxDelayMs?: number | undefined
  /**
   * Give up after this many attempts in a row; never unbounded. `0` disables reconnection.
   * @default 5
   */
  readonly maxRetries?: number | undefined
  /**
   * Each delay is the previous one times this factor (before jitter), up to the cap.
   * @default 2
   */
  readonly backoffFactor?: number | undefined
}

/** Reconnection settings after defaults: see {@link ReconnectConfigInput}. */
export interface ReconnectConfig {
  /** @default 1000 */
  readonly initialDelayMs: number
  /** @default 30000 */
  readonly maxDelayMs: number
  /** @default 5 */
  readonly maxRetries: number
  /** @default 2 */
  readonly backoffFactor: number
}

/**
 * Client settings as you pass them: every field is optional and falls back to its default.
 *
 * @example
 * const client = resolveClientConfig({ requestTimeoutMs: 30_000, reconnect: { maxRetries: 10 } })
 */
export interface ClientConfigInput {
  /**
   * The name the client reports in `clientInfo`.
   * @default 'mcpkit-client'
   */
  readonly name?: string | undefined
  /**
   * The version the client reports in `clientInfo`.
   * @default '0.0.0'
   */
  readonly version?: string | undefined
  /**
   * How long to wait for a response before the request fails with a `TimeoutError` (and is
   * cancelled).
   * @default 60000
   */
  readonly requestTimeoutMs?: number | undefined
  /**
   * The hard limit for one request, even when progress notifications keep resetting
   * {@link ClientConfigInput.requestTimeoutMs}. Must be at least `requestTimeoutMs`.
   * @default 300000 (5 minutes)
   */
  readonly maxTotalTimeoutMs?: number | undefined
  /**
   * Restart the request timeout whenever the server reports progress, so long tools that say they
   * are alive keep running (up to {@link ClientConfigInput.maxTotalTimeoutMs}).
   * @default true
   */
  readonly resetTimeoutOnProgress?: boolean | undefined
  /**
   * Speak only this protocol revision instead of negotiating the newest both sides support.
   * @default undefined (negotiate)
   */
  readonly protocolVersion?: ProtocolRevision | undefined
  /**
   * How many `input_required` rounds (multi round-trip requests, 2026-07-28) one request may take
   * before the client gives up, so a server cannot keep a request alive forever.
   * @default 10
   */
  readonly maxInputRounds?: number | undefined
  /** How dropped streams are reconnected. */
  readonly reconnect?: ReconnectConfigInput | undefined
}

/** Client settings after defaults: see {@link ClientConfigInput} for what each one does. */
export interface ClientConfig {
  /** @default 'mcpkit-client' */
  readonly name: string
  /** @default '0.0.0' */
  readonly version: string
  /** @default 60000 */
  readonly requestTimeoutMs: number
  /** @default 300000 */
  readonly maxTotalTimeoutMs: number
  /** @default true */
  readonly resetTimeoutOnProgress: boolean
  /** `undefined` means negotiate. @default undefined */
  readonly protocolVersion?: ProtocolRevision | undefined
  /** @default 10 */
  readonly maxInputRounds: number
  readonly reconnect: ReconnectConfig
}

const reconnectOptions = group(
  {
    initialDelayMs: durationOption({ min: 0, timer: true, default: 1000 }),
    maxDelayMs: durationOption({ min: 0, timer: true, default: 30_000 }),
    maxRetries: integerOption({ min: 0, default: 5 }),
    backoffFactor: numberOption({ min: 1, max: 10, default: 2 }),
  },
  { check: notBelow('maxDelayMs', 'initialDelayMs', 'client.reconnect.initialDelayMs') },
)

/** The client section's options. @internal */
export const clientOptions = group(
  {
    name: textOption({ default: 'mcpkit-client' }),
    version: textOption({ default: '0.0.0' }),
    requestTimeoutMs: durationOption({ min: 1, timer: true, default: 60_000 }),
    maxTotalTimeoutMs: durationOption({ min: 1, timer: true, default: 300_000 }),
    resetTimeoutOnProgress: booleanOption({ default: true }),
    protocolVersion: optionalChoiceOption({ values: PROTOCOL_REVISIONS }),
    maxInputRounds: integerOption({ min: 1, default: 10 }),
    reconnect: reconnectOptions,
  },
  { check: notBelow('maxTotalTimeoutMs', 'requestTimeoutMs', 'client.requestTimeoutMs') },
)

/**
 * Validates client settings and fills in defaults.
 *
 * @throws {ConfigError} naming the option (`client.reconnect.maxDelayMs`) and the refused value.
 */
export function resolveClientConfig(input: ClientConfigInput = {}): ClientConfig {
  const resolved = parseGroup(clientOptions, input, {
    path: ['client'],
  })
  return resolved
}
