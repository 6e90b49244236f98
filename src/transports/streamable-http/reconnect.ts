/**
 * Reconnection as a pure, bounded backoff policy plus a small state machine (STYLE principle 9).
 *
 * The machine tells apart how a stream ended: the server closed it gracefully (`server-closed`), the
 * network failed (`network-failed`), the server refused our credentials (`auth-failed`) or refused
 * the stream for good (`rejected`), or we closed it (`closed`). Only the first two reconnect, and only
 * while the budget lasts: every reconnection that brings no message spends one attempt, whether the
 * previous connection ended gracefully or not, so a server that accepts and closes at once cannot
 * keep the client reconnecting forever. A delivered message refills the budget. Running out is its
 * own state, `exhausted`, which the transport surfaces as a typed error and an event.
 */
import { resolveClientConfig } from '../../core/config/client-config.ts'
import type { ReconnectConfig, ReconnectConfigInput } from '../../core/config/index.ts'
import { MAX_TIMER_MS } from '../../core/protocol/limits.ts'

/**
 * Where a reconnecting stream is.
 *
 * - `connecting`: a request for the stream is on its way.
 * - `open`: events are flowing.
 * - `server-closed`, `network-failed`: the stream ended; a reconnection is due.
 * - `auth-failed` (401/403), `rejected` (another refusal, e.g. 404 for an ended session), `closed`
 *   (we stopped, or the server offers no stream), `exhausted` (out of attempts): final.
 */
export type StreamState =
  | 'connecting'
  | 'open'
  | 'server-closed'
  | 'network-failed'
  | 'auth-failed'
  | 'rejected'
  | 'closed'
  | 'exhausted'

/** What the machine remembers about one stream. */
export interface StreamStatus {
  readonly state: StreamState
  /** Reconnections since the stream last delivered a message. */
  readonly attempt: number
  /** The last event id seen, sent as `Last-Event-ID` when reconnecting. */
  readonly lastEventId: string | undefined
  /** The server's last `retry:` value in ms; it takes precedence over the backoff. */
  readonly retryMs: number | undefined
}

/** What happened to a stream, fed to {@link advanceStream}. */
export type StreamSignal =
  | { readonly type: 'opened' }
  | { readonly type: 'event'; readonly id: string | undefined; readonly message: boolean }
  | { readonly type: 'retry'; readonly retryMs: number }
  | { readonly type: 'ended' }
  | { readonly type: 'failed' }
  | { readonly type: 'unauthorized' }
  | { readonly type: 'rejected' }
  | { readonly type: 'reconnect' }
  | { readonly type: 'close' }

const FINAL_STATES: ReadonlySet<StreamState> = new Set<StreamState>([
  'auth-failed',
  'rejected',
  'closed',
  'exhausted',
])

/** Whether no further signal can change `state`. */
export const isFinalState = (state: StreamState): boolean => FINAL_STATES.has(state)

/** The status of a stream that is about to connect for the first time. */
export function initialStreamStatus(lastEventId?: string): StreamStatus {
  return { state: 'connecting', attempt: 0, lastEventId, retryMs: undefined }
}

/**
 * The pure transition function: the status after `signal`. Final states absorb every signal; an
 * ended or failed stream becomes `exhausted` once `maxRetries` reconnections brought no message.
 *
 * @example
 * let status = initialStreamStatus()
 * status = advanceStream(status, { type: 'ended' }, options) // state 'server-closed'
 * status = advanceStream(status, { type: 'reconnect' }, options) // state 'connecting', attempt 1
 */
export function advanceStream(
  status: StreamStatus,
  signal: StreamSignal,
  options: Pick<ReconnectConfig, 'maxRetries'>,
): StreamStatus {
  if (isFinalState(status.state)) return status
  switch (signal.type) {
    case 'opened':
      return { ...status, state: 'open' }
    case 'event':
      return {
        ...status,
        // An empty `id:` field resets the id in the SSE model; there is then nothing to resume from.
        lastEventId: signal.id === undefined ? status.lastEventId : signal.id || undefined,
        attempt: signal.message ? 0 : status.attempt,
      }
    case 'retry':
      return { ...status, retryMs: signal.retryMs }
    case 'ended':
    case 'failed': {
      const dropped = signal.type === 'ended' ? 'server-closed' : 'network-failed'
      return { ...status, state: status.attempt >= options.maxRetries ? 'exhausted' : dropped }
    }
    case 'unauthorized':
      return { ...status, state: 'auth-failed' }
    case 'rejected':
      return { ...status, state: 'rejected' }
    case 'reconnect':
      return isDropped(status.state)
        ? { ...status, state: 'connecting', attempt: status.attempt + 1 }
        : status
    case 'close':
      return { ...status, state: 'closed' }
  }
}

function isDropped(state: StreamState): boolean {
  return state === 'server-closed' || state === 'network-failed'
}

/**
 * The exponential backoff before reconnection `attempt` (0-based): `initialDelayMs × backoffFactor^attempt`,
 * capped at `maxDelayMs`, with "equal jitter" (a random point in the upper half) so that clients
 * dropped together do not return together. Pure: pass `random` to make it deterministic.
 *
 * @example
 * backoffDelayMs(0, options, () => 1) // options.initialDelayMs
 * backoffDelayMs(3, options, () => 0) // half of min(initialDelayMs × factor³, maxDelayMs)
 */
export function backoffDelayMs(
  attempt: number,
  options: Omit<ReconnectConfig, 'maxRetries'>,
  random: () => number = Math.random,
): number {
  const base = Math.min(
    options.initialDelayMs * options.backoffFactor ** attempt,
    options.maxDelayMs,
  )
  return Math.round(base * (0.5 + random() / 2))
}

/**
 * How long to wait before the next reconnection. A server `retry:` value is honoured exactly for the
 * first reconnection (the spec's MUST); if that reconnection fails too, it becomes the floor under
 * the growing backoff. Never longer than a timer can wait.
 */
export function reconnectDelayMs(
  status: StreamStatus,
  options: ReconnectConfig,
  random: () => number = Math.random,
): number {
  const { retryMs, attempt } = status
  const delay =
    retryMs === undefined
      ? backoffDelayMs(attempt, options, random)
      : attempt === 0
        ? retryMs
        : Math.max(retryMs, backoffDelayMs(attempt, options, random))
  return Math.min(delay, MAX_TIMER_MS)
}

/**
 * Validates reconnection options and fills in defaults (initial 1 s, cap 30 s, factor 2, 5 retries).
 *
 * @throws {ConfigError} naming the option (`client.reconnect.maxRetries`) and the refused value.
 */
export function resolveReconnectOptions(input: ReconnectConfigInput = {}): ReconnectConfig {
  return resolveClientConfig({ reconnect: input }).reconnect
}
