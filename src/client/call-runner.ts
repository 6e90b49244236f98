/**
 * How one API call runs on a negotiated wire: per-call options resolved against the configuration,
 * the modern result cache, the multi round-trip loop, result validation, and the `request:settled`
 * event.
 *
 * @internal
 */
import type { ClientConfig } from '../core/config/client-config.ts'
import type { Environment } from '../core/environment.ts'
import { isAbortError, isProtocolError, isTimeoutError } from '../core/errors/guards.ts'
import { checkTimeout } from '../core/protocol/limits.ts'
import type { JsonRpcParams } from '../core/protocol/messages.ts'
import type { CallOptions } from './client-api.ts'
import type { ClientEvent, ClientRequestOutcome } from './client-events.ts'
import type { InputHandlers } from './input-types.ts'
import { INPUT_CAPABLE_METHODS, runInputLoop } from './modern/input-loop.ts'
import { CACHEABLE_METHODS, cacheKey, type ResponseCache } from './response-cache.ts'
import { validateResult } from './validate-result.ts'
import type { Wire, WireRequestOptions } from './wire.ts'

/** What the runner needs from the client. */
export interface CallRunnerOptions {
  readonly config: ClientConfig
  readonly environment: Environment
  readonly handlers: InputHandlers
  readonly cache: ResponseCache | undefined
  /** Aborted when the client closes; every call's signal follows it. */
  readonly closing: AbortSignal
  readonly emit: (event: ClientEvent) => void
  /** Whether anyone listens to events (building them is skipped otherwise). */
  readonly observed: () => boolean
  /** The modern default `logLevel` (from `setLoggingLevel`). */
  readonly logLevel: () => string | undefined
}

/** One call. */
export interface Call {
  readonly wire: Wire
  readonly method: string
  readonly params?: JsonRpcParams | undefined
  readonly options: CallOptions
  /** HTTP headers of this call beyond the standard ones (`Mcp-Param-*`). */
  readonly headers?: Record<string, string> | undefined
}

/** Runs calls for one client. */
export class CallRunner {
  readonly #options: CallRunnerOptions

  constructor(options: CallRunnerOptions) {
    this.#options = options
  }

  /** Runs `call` and resolves with its validated result. */
  async run(call: Call): Promise<unknown> {
    const started = this.#options.environment.now()
    try {
      const result = await this.#cached(call)
      this.#settled(call, started, SUCCEEDED)
      return result
    } catch (error) {
      this.#settled(call, started, { failed: true, error })
      throw error
    }
  }

  /** The wire options of a call. Throws a `ConfigError` for a bad per-call timeout. */
  #wireOptions({ options, headers }: Call): WireRequestOptions {
    const { config, closing } = this.#options
    const timeoutMs = checkTimeout('timeoutMs', options.timeoutMs ?? config.requestTimeoutMs)
    const maxTotalTimeoutMs = checkTimeout(
      'maxTotalTimeoutMs',
      options.maxTotalTimeoutMs ?? config.maxTotalTimeoutMs,
    )
    return {
      signal: options.signal === undefined ? closing : AbortSignal.any([options.signal, closing]),
      timeoutMs,
      maxTotalTimeoutMs,
      resetTimeoutOnProgress: options.resetTimeoutOnProgress ?? config.resetTimeoutOnProgress,
      onProgress: options.onProgress,
      logLevel: options.logLevel ?? this.#options.logLevel(),
      headers,
    }
  }

  async #cached(call: Call): Promise<unknown> {
    const { cache } = this.#options
    const mode = call.options.cache ?? 'use'
    const key =
      cache !== undefined &&
      mode !== 'bypass' &&
      call.wire.era === 'modern' &&
      CACHEABLE_METHODS.has(call.method)
        ? cacheKey(call.method, call.params)
        : undefined
    if (key !== undefined && mode === 'use') {
      const hit = cache?.get(key)
      if (hit !== undefined) {
        if (this.#options.observed())
          this.#options.emit({ type: 'cache:hit', method: call.method, key })
        return hit
      }
    }
    const { result, rounds } = await this.#rounds(call)
    // Only first answers are cached: a result reached through input rounds never is.
    if (key !== undefined && rounds === 0) cache?.set(key, result)
    return result
  }

  async #rounds(call: Call): Promise<{ result: unknown; rounds: number }> {
    const { wire, method } = call
    const options = this.#wireOptions(call)
    const once = async (params: JsonRpcParams | undefined) =>
      validateResult(wire.protocolVersion, method, await wire.request(method, params, options))
    if (wire.era !== 'modern' || !INPUT_CAPABLE_METHODS.has(method)) {
      return { result: await once(call.params), rounds: 0 }
    }
    let rounds = 0
    const result = await runInputLoop({
      method,
      params: call.params,
      maxInputRounds: this.#options.config.maxInputRounds,
      handlers: this.#options.handlers,
      revision: () => wire.protocolVersion,
      signal: options.signal,
      send: (params, round) => {
        rounds = round
        return once(params)
      },
      onInputRequired: (round, inputs) =>
        this.#options.emit({ type: 'input:required', method, round, inputs }),
    })
    return { result, rounds }
  }

  // Failure is a flag, not `error !== undefined`: a call may reject with `undefined` (say, an
  // interceptor or handler throwing it), and that is still a failure.
  #settled(
    call: Call,
    started: number,
    end: { readonly failed: false } | { readonly failed: true; readonly error: unknown },
  ): void {
    if (!this.#options.observed()) return
    const durationMs = this.#options.environment.now() - started
    const base = {
      type: 'request:settled',
      method: call.method,
      era: call.wire.era,
      durationMs,
    } as const
    this.#options.emit(
      end.failed
        ? { ...base, outcome: outcomeOf(end.error), error: end.error }
        : { ...base, outcome: 'result' },
    )
  }
}

const SUCCEEDED = { failed: false } as const

function outcomeOf(error: unknown): ClientRequestOutcome {
  if (isTimeoutError(error)) return 'timeout'
  if (isAbortError(error)) return 'cancelled'
  if (isProtocolError(error)) return 'error'
  return 'failed'
}
