/**
 * What a stdio server remembers across requests: the legacy era's process state (one client per
 * process, started by `initialize`) and the open `subscriptions/listen` requests of the modern era.
 * It is also the server's {@link ServerNotifier}: list changes and resource updates go to the legacy
 * client (once initialized) and to every listen request that asked for them, tagged with its id.
 */
import type { LegacyRevision } from '../core/eras/versions.ts'
import type { JsonRpcId } from '../core/protocol/messages.ts'
import { SUBSCRIPTION_ID_META_KEY } from '../core/schemas/meta-keys.ts'
import type { SessionHandle } from '../server/dispatch/scope.ts'
import {
  logNotification,
  passesLevel,
  type ServerLogMessage,
} from '../server/registry/log-message.ts'
import type { ListKind, ServerNotifier } from '../server/registry/notifier-hub.ts'
import type { SubscriptionFilter } from '../server/registry/server-registry.ts'

/** The legacy client of this process, as `initialize` described it. */
export interface LegacyState {
  readonly revision: LegacyRevision
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  readonly clientInfo: Readonly<Record<string, unknown>> | undefined
  /** The process's one session: log level and resource subscriptions. */
  readonly session: SessionHandle
}

/** One open `subscriptions/listen` request. */
export interface ListenStream {
  /** The part of the filter the server honours (what the acknowledgement listed). */
  readonly honoured: SubscriptionFilter
  /** Ends the stream gracefully: answers the listen request with its `complete` result. */
  readonly end: () => void
}

/** Sends a server notification on stdout; never rejects. */
export type SendNotification = (method: string, params?: Readonly<Record<string, unknown>>) => void

const LIST_FLAGS = {
  tools: 'toolsListChanged',
  prompts: 'promptsListChanged',
  resources: 'resourcesListChanged',
} as const satisfies Record<ListKind, keyof SubscriptionFilter>

/**
 * The process state of one stdio server.
 *
 * @internal
 */
export class StdioState implements ServerNotifier {
  readonly #send: SendNotification
  readonly #listens = new Map<JsonRpcId, ListenStream>()
  #legacy: LegacyState | undefined
  #closing = false

  constructor(send: SendNotification) {
    this.#send = send
  }

  /** The legacy client, once `initialize` was answered. */
  get legacy(): LegacyState | undefined {
    return this.#legacy
  }

  /** Batches are served only to a legacy client that negotiated 2025-03-26. */
  get batchesAllowed(): boolean {
    return this.#legacy?.revision === '2025-03-26'
  }

  /** How many listen requests are open. */
  get listenCount(): number {
    return this.#listens.size
  }

  /** Starts the legacy process state (`initialize`). */
  startLegacy(state: LegacyState): void {
    this.#legacy = state
  }

  /**
   * Registers an open listen request under its JSON-RPC id; returns its removal. While the server
   * stops, a new stream is ended at once.
   */
  addListen(id: JsonRpcId, stream: ListenStream): () => void {
    if (this.#closing) {
      stream.end()
      return () => {}
    }
    this.#listens.set(id, stream)
    return () => {
      if (this.#listens.get(id) === stream) this.#listens.delete(id)
    }
  }

  /** Ends every listen stream gracefully, and any opened from now on (the server is stopping). */
  endListens(): void {
    this.#closing = true
    for (const stream of [...this.#listens.values()]) stream.end()
    this.#listens.clear()
  }

  listChanged(kind: ListKind): void {
    const method = `notifications/${kind}/list_changed`
    if (this.#legacy !== undefined) this.#send(method)
    const flag = LIST_FLAGS[kind]
    for (const [id, stream] of this.#listens) {
      if (stream.honoured[flag] === true) this.#send(method, { _meta: tag(id) })
    }
  }

  /** A server-wide log message reaches the legacy client at its level; a modern one gets none. */
  log(message: ServerLogMessage): void {
    const legacy = this.#legacy
    if (legacy === undefined || !passesLevel(message.level, legacy.session.logLevel)) return
    this.#send('notifications/message', logNotification(message).params)
  }

  resourceUpdated(uri: string): void {
    const method = 'notifications/resources/updated'
    if (this.#legacy?.session.subscriptions.has(uri)) this.#send(method, { uri })
    for (const [id, stream] of this.#listens) {
      if (stream.honoured.resourceSubscriptions?.includes(uri)) {
        this.#send(method, { _meta: tag(id), uri })
      }
    }
  }
}

/** The `_meta` that ties a message to the listen request `id`. */
export function tag(id: JsonRpcId): Readonly<Record<string, JsonRpcId>> {
  return { [SUBSCRIPTION_ID_META_KEY]: id }
}

/**
 * The process's {@link SessionHandle}: stdio has one client, so the session is the process.
 *
 * @internal
 */
export function processSession(): SessionHandle {
  return { id: '', logLevel: undefined, subscriptions: new Set() }
}
