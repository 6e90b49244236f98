/**
 * The {@link RequestContext} handed to handlers: the request's identity and revision, progress and
 * log notifications on the request's own stream, and client input through the era's broker.
 */
import type { ProtocolEra, ProtocolRevision } from '../../core/eras/versions.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import { LOG_LEVEL_META_KEY, PROGRESS_TOKEN_META_KEY } from '../../core/schemas/meta-keys.ts'
import type {
  ElicitParams,
  ElicitResult,
  ListRootsResult,
  LoggingLevel,
  SampleParams,
  SampleResult,
} from '../registry/content-types.ts'
import type { InputOptions, RequestContext } from '../registry/context-types.ts'
import { rankOf } from '../registry/log-message.ts'
import { since } from '../registry/revision-fields.ts'
import type { InputBroker } from './client-input.ts'
import type { RequestScope, SessionHandle } from './scope.ts'

/** What a {@link HandlerContext} is built from. */
export interface HandlerContextInit {
  readonly scope: RequestScope
  /** The request's `_meta` (`{}` when absent). */
  readonly meta: Readonly<Record<string, unknown>>
  readonly broker: InputBroker
  /** Whether the server declares the logging capability. */
  readonly logging: boolean
}

const EMPTY_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({})

/** One request's context; cheap to build (no closures, nothing done until a method is called). */
export class HandlerContext implements RequestContext {
  readonly meta: Readonly<Record<string, unknown>>
  readonly #scope: RequestScope
  readonly #broker: InputBroker
  readonly #logging: boolean
  #lastProgress = Number.NEGATIVE_INFINITY

  constructor(init: HandlerContextInit) {
    this.meta = init.meta
    this.#scope = init.scope
    this.#broker = init.broker
    this.#logging = init.logging
  }

  get signal(): AbortSignal {
    return this.#scope.signal
  }

  get requestId(): JsonRpcId {
    return this.#scope.requestId
  }

  get era(): ProtocolEra {
    return this.#scope.era
  }

  get revision(): ProtocolRevision {
    return this.#scope.revision
  }

  get clientCapabilities(): Readonly<Record<string, unknown>> {
    return this.#scope.clientCapabilities
  }

  get clientInfo(): Readonly<Record<string, unknown>> | undefined {
    return this.#scope.clientInfo
  }

  get session(): SessionHandle | undefined {
    return this.#scope.session
  }

  progress(progress: number, total?: number, message?: string): Promise<void> {
    const token = this.meta[PROGRESS_TOKEN_META_KEY]
    const usable = typeof token === 'string' || typeof token === 'number'
    if (!usable || !Number.isFinite(progress) || progress <= this.#lastProgress) {
      return Promise.resolve()
    }
    this.#lastProgress = progress
    const params: Record<string, unknown> = { progressToken: token, progress }
    if (total !== undefined) params.total = total
    // `message` exists from 2025-03-26 on.
    if (message !== undefined && since(this.revision, '2025-03-26')) params.message = message
    return this.#notify('notifications/progress', params)
  }

  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    const rank = rankOf(level)
    const threshold = rankOf(this.#threshold())
    if (!this.#logging || rank < 0 || threshold < 0 || rank < threshold) return Promise.resolve()
    const params: Record<string, unknown> = { level, data }
    if (logger !== undefined) params.logger = logger
    return this.#notify('notifications/message', params)
  }

  elicit(params: ElicitParams, options?: InputOptions): Promise<ElicitResult> {
    return this.#broker.ask('elicitation/create', params, options) as Promise<ElicitResult>
  }

  sample(params: SampleParams, options?: InputOptions): Promise<SampleResult> {
    return this.#broker.ask('sampling/createMessage', params, options) as Promise<SampleResult>
  }

  listRoots(options?: InputOptions): Promise<ListRootsResult> {
    return this.#broker.ask('roots/list', EMPTY_PARAMS, options) as Promise<ListRootsResult>
  }

  closeStream(): void {
    this.#scope.channel.closeStream?.()
  }

  /** The lowest level the client wants: none in 2026-07-28 without `_meta` logLevel. */
  #threshold(): unknown {
    if (this.era === 'modern') return this.meta[LOG_LEVEL_META_KEY]
    return this.#scope.session?.logLevel ?? 'debug'
  }

  async #notify(method: string, params: Readonly<Record<string, unknown>>): Promise<void> {
    // Nothing more may be sent for a cancelled request.
    if (this.#scope.aborted ?? this.#scope.signal.aborted) return
    try {
      await this.#scope.channel.notify(method, params)
    } catch {
      // Best effort: the stream may have closed (the request's signal says so).
    }
  }
}
