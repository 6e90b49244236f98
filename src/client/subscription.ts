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
import type { ServerNotification } from './client-api.ts'
import type { ClientEvent } from './client-events.ts'
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
  /** The delay before reconnection attempt `attempt` (0-based). */
  readonly delayMs: (attempt: number) => number
}

const ACKNOWLEDGED = 'notifications/subscriptions/acknowledged'

/** Starts a modern subscription. */
export function startModernListen(options: ModernListenOptions): Subscription {
  const listen = new ModernListen(options)
  return listen.subscription
}

class ModernListen {
  readonly subscription: Subscription
  readonly #options: ModernListenOptions
  readonly #controller = new AbortController()
  #acknowledge: (filter: ListenFilter) => void = () => {}
  #refuse: (error: unknown) => void = () => {}

  constructor(options: ModernListenOptions) {
    this.#options = options
    const acknowledged = new Promise<ListenFilter>((resolve, reject) => {
      this.#acknowledge = resolve
      this.#refuse = reject
    })
    // Handled here so an app that never looks at it gets no unhandled rejection.
    acknowledged.catch(() => {})
    const ended = this.#run().then((end) => {
      if (end.reason !== 'graceful') this.#refuse(endError(end))
      return end
    })
    this.subscription = {
      acknowledged,
      ended,
      close: async () => {
        this.#controller.abort()
        await ended
      },
    }
  }

  async #run(): Promise<SubscriptionEnd> {
    const { reconnect, emit } = this.#options
    let attempt = 0
    for (;;) {
      const round = await this.#listenOnce()
      if (this.#controller.signal.aborted) return { reason: 'closed' }
      if (round.end !== undefined) return round.end
      if (round.acknowledged) attempt = 0
      emit({ type: 'stream:failed', stream: 'listen', error: round.error })
      if (attempt >= reconnect.maxRetries || this.#options.wire.isClosed) {
        emit({ type: 'listen:exhausted', attempts: attempt, error: round.error })
        return { reason: 'failed', error: round.error }
      }
      const delayMs = this.#options.delayMs(attempt)
      attempt += 1
      emit({ type: 'listen:reconnecting', attempt, delayMs })
      await this.#sleep(delayMs)
      if (this.#controller.signal.aborted) return { reason: 'closed' }
    }
  }

  async #listenOnce(): Promise<{ end?: SubscriptionEnd; acknowledged: boolean; error?: unknown }> {
    let acknowledged = false
    const onNotification = (notification: JsonRpcNotification) => {
      if (notification.method !== ACKNOWLEDGED) {
        this.#options.onNotification(notification)
        return
      }
      acknowledged = true
      const filter = (notification.params?.notifications ?? {}) as ListenFilter
      this.#acknowledge(filter)
      const subscriptionId = readSubscriptionId(notification)
      this.#options.emit({ type: 'listen:acknowledged', subscriptionId, notifications: filter })
    }
    const params = { notifications: toWireFilter(this.#options.filter) }
    try {
      const end = await this.#options.wire.listen?.(params, {
        signal: this.#controller.signal,
        onNotification,
      })
      if (end === 'graceful') {
        this.#options.emit({ type: 'listen:ended', graceful: true })
        return { end: { reason: 'graceful' }, acknowledged }
      }
      const error = new TransportError('The subscriptions/listen stream dropped')
      return { acknowledged, error }
    } catch (error) {
      if (isFatal(error)) return { end: { reason: 'failed', error }, acknowledged }
      return { acknowledged, error }
    }
  }

  #sleep(delayMs: number): Promise<void> {
    const { environment } = this.#options
    const signal = this.#controller.signal
    return new Promise((resolve) => {
      const done = () => {
        environment.clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      const timer = environment.setTimeout(done, delayMs)
      signal.addEventListener('abort', done, { once: true })
    })
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

function readSubscriptionId(notification: JsonRpcNotification): string | number {
  const meta = notification.params?._meta as Record<string, unknown> | undefined
  const id = meta?.['io.modelcontextprotocol/subscriptionId']
  return typeof id === 'string' || typeof id === 'number' ? id : ''
}

function toWireFilter(filter: ListenFilter): Record<string, unknown> {
  const wire: Record<string, unknown> = {}
  if (filter.toolsListChanged) wire.toolsListChanged = true
  if (filter.promptsListChanged) wire.promptsListChanged = true
  if (filter.resourcesListChanged) wire.resourcesListChanged = true
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

const LIST_CHANGED: Readonly<Record<string, keyof ListenFilter>> = {
  'notifications/tools/list_changed': 'toolsListChanged',
  'notifications/prompts/list_changed': 'promptsListChanged',
  'notifications/resources/list_changed': 'resourcesListChanged',
}

/** Whether a notification is one `filter` asked for. */
export function matchesFilter(notification: ServerNotification, filter: ListenFilter): boolean {
  const flag = LIST_CHANGED[notification.method]
  if (flag !== undefined) return filter[flag] === true
  if (notification.method !== 'notifications/resources/updated') return false
  const uri = notification.params?.uri
  return typeof uri === 'string' && (filter.resourceSubscriptions ?? []).includes(uri)
}
