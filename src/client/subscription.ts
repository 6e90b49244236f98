/**
 * Subscriptions to list changes and resource updates, the same for the app in both eras. Modern
 * (2026-07-28): one `subscriptions/listen` stream, listened to again with bounded backoff when it
 * drops without the server's graceful result. Legacy: `resources/subscribe` per URI, with the
 * notifications arriving on the session's GET stream.
 */

import type { ReconnectConfig } from '../core/config/client-config.ts'
import type { Environment } from '../core/environment.ts'
import { AbortError } from '../core/errors/abort-error.ts'
import { isHttpError, isProtocolError } from '../core/errors/guards.ts'
import { TransportError } from '../core/errors/transport-error.ts'
import type { JsonRpcNotification } from '../core/protocol/messages.ts'
import { sleep } from '../transports/streamable-http/abort.ts'
import { backoffDelayMs } from '../transports/streamable-http/index.ts'
import type { ServerNotification } from './client-api.ts'
import type { ClientEvent } from './client-events.ts'
import { LIST_CHANGES, RESOURCE_UPDATED } from './list-changed.ts'
import { subscriptionIdOf } from './modern/request-meta.ts'
import { isSchemaValidationError } from './schema-validation-error.ts'
import type { Wire } from './wire.ts'

/** What to be told about (all optional; omitted means not subscribed). */
export interface ListenFilter {
  readonly toolsListChanged?: boolean
  readonly promptsListChanged?: boolean
  readonly resourcesListChanged?: boolean
  /** Resource URIs to get `notifications/resources/updated` for. */
  readonly resourceSubscriptions?: readonly string[]
}

/** How a subscription ended. */
export type SubscriptionEnd =
  | { readonly reason: 'closed' }
  /** The server ended it with its result (modern era). */
  | { readonly reason: 'graceful' }
  /** The server refused it, or reconnecting gave up. */
  | { readonly reason: 'failed'; readonly error: unknown }

/** A running subscription. */
export interface Subscription {
  /**
   * What the server agreed to send: the acknowledged filter (modern era), or what was subscribed
   * (legacy era). Rejects when the subscription fails before that.
   */
  readonly acknowledged: Promise<ListenFilter>
  /** Resolves (never rejects) when the subscription ends. */
  readonly ended: Promise<SubscriptionEnd>
  /** Ends the subscription: closes the stream (modern) or unsubscribes (legacy). Idempotent. */
  close(): Promise<void>
}

/** What a modern subscription needs. */
export interface ModernListenOptions {
  readonly wire: Wire
  readonly filter: ListenFilter
  readonly reconnect: ReconnectConfig
  readonly environment: Environment
  readonly emit: (event: ClientEvent) => void
  /** Every notification the stream delivers, except the acknowledgement. */
  readonly onNotification: (notification: JsonRpcNotification) => void
}

const ACKNOWLEDGED = 'notifications/subscriptions/acknowledged'

/** Starts a modern subscription. */
export function startModernListen(options: ModernListenOptions): Subscription {
  const controller = new AbortController()
  let acknowledge: (filter: ListenFilter) => void = () => {}
  let refuse: (error: unknown) => void = () => {}
  const acknowledged = new Promise<ListenFilter>((resolve, reject) => {
    acknowledge = resolve
    refuse = reject
  })
  // Handled here so an app that never looks at it gets no unhandled rejection.
  acknowledged.catch(() => {})
  const ended = runListen({ ...options, signal: controller.signal, acknowledge }).then((end) => {
    if (end.reason !== 'graceful') refuse(endError(end))
    return end
  })
  const close = async () => {
    controller.abort()
    await ended
  }
  return { acknowledged, ended, close }
}

/** A running modern subscription: its options, its lifetime, and where its acknowledgement goes. */
interface Listening extends ModernListenOptions {
  /** Aborted by `close()`. */
  readonly signal: AbortSignal
  readonly acknowledge: (filter: ListenFilter) => void
}

/** How one stream ended: `end` when the subscription is over, otherwise the error to retry after. */
interface ListenRound {
  readonly end?: SubscriptionEnd
  /** Whether the server acknowledged this stream (a fresh start for the retry budget). */
  readonly acknowledged: boolean
  readonly error?: unknown
}

/** Listens, and listens again with backoff after a drop, until the subscription ends. */
async function runListen(listen: Listening): Promise<SubscriptionEnd> {
  const { reconnect, emit, signal } = listen
  let attempt = 0
  for (;;) {
    const round = await listenOnce(listen)
    if (signal.aborted) return { reason: 'closed' }
    if (round.end !== undefined) return round.end
    if (round.acknowledged) attempt = 0
    emit({ type: 'stream:failed', stream: 'listen', error: round.error })
    if (attempt >= reconnect.maxRetries || listen.wire.isClosed) {
      emit({ type: 'listen:exhausted', attempts: attempt, error: round.error })
      return { reason: 'failed', error: round.error }
    }
    const delayMs = backoffDelayMs(attempt, reconnect)
    attempt += 1
    emit({ type: 'listen:reconnecting', attempt, delayMs })
    // Closing ends the wait early (the sleep then rejects); either way the next check decides.
    await sleep(listen.environment, delayMs, signal).catch(() => {})
    if (signal.aborted) return { reason: 'closed' }
  }
}

async function listenOnce(listen: Listening): Promise<ListenRound> {
  let acknowledged = false
  const onNotification = (notification: JsonRpcNotification) => {
    if (notification.method !== ACKNOWLEDGED) {
      listen.onNotification(notification)
      return
    }
    acknowledged = true
    const filter = (notification.params?.notifications ?? {}) as ListenFilter
    listen.acknowledge(filter)
    const subscriptionId = subscriptionIdOf(notification) ?? ''
    listen.emit({ type: 'listen:acknowledged', subscriptionId, notifications: filter })
  }
  const params = { notifications: toWireFilter(listen.filter) }
  try {
    const end = await listen.wire.listen?.(params, { signal: listen.signal, onNotification })
    if (end === 'graceful') {
      listen.emit({ type: 'listen:ended', graceful: true })
      return { end: { reason: 'graceful' }, acknowledged }
    }
    const error = new TransportError('The subscriptions/listen stream dropped')
    return { acknowledged, error }
  } catch (error) {
    if (isFatal(error)) return { end: { reason: 'failed', error }, acknowledged }
    return { acknowledged, error }
  }
}

/** Errors that listening again cannot fix: the server's refusal, a client-side fault. */
function isFatal(error: unknown): boolean {
  if (isProtocolError(error) || isSchemaValidationError(error)) return true
  if (isHttpError(error)) return error.status >= 400 && error.status < 500 && error.status !== 408
  return false
}

function endError(end: SubscriptionEnd): unknown {
  if (end.reason === 'failed') return end.error
  return new AbortError({
    operation: 'subscriptions/listen',
    reason: 'the subscription was closed',
  })
}

function toWireFilter(filter: ListenFilter): Record<string, unknown> {
  const wire: Record<string, unknown> = {}
  for (const { flag } of LIST_CHANGES.values()) if (filter[flag]) wire[flag] = true
  if (filter.resourceSubscriptions !== undefined && filter.resourceSubscriptions.length > 0) {
    wire.resourceSubscriptions = [...filter.resourceSubscriptions]
  }
  return wire
}

/** What a legacy subscription needs. */
export interface LegacyListenOptions {
  readonly filter: ListenFilter
  /** Sends `resources/subscribe` or `resources/unsubscribe` for one URI. */
  readonly call: (
    method: 'resources/subscribe' | 'resources/unsubscribe',
    uri: string,
  ) => Promise<unknown>
}

/**
 * Starts a legacy subscription: list-changed notifications need no request (the server sends them
 * on the GET stream when it declared `listChanged`); each resource URI is subscribed.
 */
export function startLegacyListen(options: LegacyListenOptions): Subscription {
  const uris = [...(options.filter.resourceSubscriptions ?? [])]
  let resolveEnded: (end: SubscriptionEnd) => void = () => {}
  const ended = new Promise<SubscriptionEnd>((resolve) => {
    resolveEnded = resolve
  })
  const acknowledged = (async () => {
    for (const uri of uris) await options.call('resources/subscribe', uri)
    return options.filter
  })()
  acknowledged.catch((error: unknown) => resolveEnded({ reason: 'failed', error }))
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      const subscribed = await acknowledged.then(
        () => uris,
        () => [],
      )
      for (const uri of subscribed) await options.call('resources/unsubscribe', uri).catch(() => {})
      resolveEnded({ reason: 'closed' })
    })()
    return closing
  }
  return { acknowledged, ended, close }
}

/** Whether a notification is one `filter` asked for. */
export function matchesFilter(notification: ServerNotification, filter: ListenFilter): boolean {
  const change = LIST_CHANGES.get(notification.method)
  if (change !== undefined) return filter[change.flag] === true
  if (notification.method !== RESOURCE_UPDATED) return false
  const uri = notification.params?.uri
  return typeof uri === 'string' && (filter.resourceSubscriptions ?? []).includes(uri)
}
