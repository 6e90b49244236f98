/**
 * A client's connection state: negotiating once (concurrent callers share it, a failure lets the
 * next call try again), the negotiated wire, and the session it exposes.
 *
 * @internal
 */
import { LATEST_LEGACY_REVISION } from '../core/eras/versions.ts'
import { AbortError } from '../core/errors/abort-error.ts'
import type { JsonRpcNotification } from '../core/protocol/messages.ts'
import type { ClientSession } from './client-api.ts'
import type { ClientEvent } from './client-events.ts'
import type { ResolvedClientOptions } from './client-options.ts'
import { connectConnection } from './connect-connection.ts'
import {
  type ConnectContext,
  type Connected,
  type ServerFacts,
  serverFacts,
} from './connect-context.ts'
import { connectHttp } from './connect-http.ts'
import { connectHttpSse } from './connect-http-sse.ts'
import { serverRequestHandler } from './input-dispatch.ts'
import type { Wire } from './wire.ts'

interface State {
  readonly connected: Connected
  readonly facts: ServerFacts
}

/** What the connection reports to its client. */
export interface ClientConnectionHooks {
  readonly emit: (event: ClientEvent) => void
  readonly onNotification: (notification: JsonRpcNotification) => void
  /** Aborted when the client closes. */
  readonly closing: AbortSignal
}

/** Negotiates on demand and holds the wire. */
export class ClientConnection {
  readonly #options: ResolvedClientOptions
  readonly #hooks: ClientConnectionHooks
  #connecting: Promise<State> | undefined
  #state: State | undefined

  constructor(options: ResolvedClientOptions, hooks: ClientConnectionHooks) {
    this.#options = options
    this.#hooks = hooks
  }

  /** The negotiated session, once connected. */
  get session(): ClientSession | undefined {
    const state = this.#state
    if (state === undefined) return undefined
    const { connected, facts } = state
    return { ...negotiated(connected), sessionId: connected.wire.sessionId, ...facts }
  }

  /**
   * The wire, negotiating first when needed. Concurrent callers share one negotiation; a failed one
   * is forgotten, so the next call tries again.
   */
  async wire(signal: AbortSignal | undefined): Promise<Wire> {
    if (this.#hooks.closing.aborted) {
      throw new AbortError({ operation: 'connect', reason: 'the client is closed' })
    }
    if (this.#connecting === undefined) {
      const connecting = this.#open(signal)
      this.#connecting = connecting
      connecting.catch(() => {
        if (this.#connecting === connecting) this.#connecting = undefined
      })
    }
    return (await this.#connecting).connected.wire
  }

  /** Closes the wire (after a negotiation in progress settles). */
  async close(): Promise<void> {
    const state = await this.#connecting?.catch(() => undefined)
    await state?.connected.wire.close()
  }

  async #open(signal: AbortSignal | undefined): Promise<State> {
    const { emit, closing } = this.#hooks
    const context: ConnectContext = {
      options: this.#options,
      emit,
      onRequest: serverRequestHandler(this.#options.handlers, () => this.#eraFacts()),
      onNotification: this.#hooks.onNotification,
      onDropped: (reason, message) => emit({ type: 'message:dropped', reason, message }),
      onRetry: (method, reason) => emit({ type: 'request:retried', method, reason }),
      signal: signal === undefined ? closing : AbortSignal.any([signal, closing]),
      closing,
    }
    const connected = await this.#negotiate(context)
    if (closing.aborted) {
      await connected.wire.close()
      throw new AbortError({ operation: 'connect', reason: 'the client closed' })
    }
    const state: State = { connected, facts: serverFacts(connected) }
    this.#state = state
    emit({ type: 'negotiation:settled', ...negotiated(connected) })
    return state
  }

  #negotiate(context: ConnectContext): Promise<Connected> {
    const { target } = this.#options
    if (target.kind === 'connection') return connectConnection(context, target.connection)
    if (target.transport === 'http+sse') return connectHttpSse(context, target.url, 'pinned')
    return connectHttp(context, target.url)
  }

  #eraFacts() {
    const wire = this.#state?.connected.wire
    return {
      era: wire?.era ?? 'legacy',
      revision: wire?.protocolVersion ?? LATEST_LEGACY_REVISION,
    } as const
  }
}

/** What was negotiated, as the session and the `negotiation:settled` event report it. */
function negotiated({ wire, source }: Connected) {
  return { era: wire.era, protocolVersion: wire.protocolVersion, transport: wire.transport, source }
}
