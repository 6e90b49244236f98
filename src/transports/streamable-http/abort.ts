/**
 * Signals and waiting: how the transport turns an aborted signal or a failed `fetch` into a typed
 * error, and how it sleeps on the injected {@link Environment} so tests control time.
 */
import type { Environment } from '../../core/environment.ts'
import type { McpkitError } from '../../core/errors/base.ts'
import { isMcpkitError } from '../../core/errors/guards.ts'
import { abortReasonError } from '../../core/errors/to-mcpkit-error.ts'
import { TransportError } from '../../core/errors/transport-error.ts'

/** A signal linked to others, and the controller that can abort it on its own. */
export interface LinkedSignal {
  readonly signal: AbortSignal
  /** Aborts the linked signal only (the sources are left alone). */
  abort(reason: unknown): void
  /** Detaches from the sources; call it when the operation is over. Idempotent. */
  release(): void
}

/**
 * A signal that aborts when any of `signals` does (absent ones are skipped) or when its own `abort`
 * is called. Unlike `AbortSignal.any`, it detaches from its sources on {@link LinkedSignal.release}
 * or when it aborts, so linking per request to a transport-long signal cannot pile up listeners
 * (`AbortSignal.any` leaks in that pattern on some runtimes, nodejs/node#55351).
 */
export function linkSignals(...signals: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController()
  const detachers: (() => void)[] = []
  const release = () => {
    for (const detach of detachers.splice(0)) detach()
  }
  const abort = (reason: unknown) => {
    release()
    if (!controller.signal.aborted) controller.abort(reason)
  }
  for (const source of signals) {
    if (source === undefined) continue
    if (source.aborted) {
      abort(source.reason)
      break
    }
    const onAbort = () => abort(source.reason)
    source.addEventListener('abort', onAbort, { once: true })
    detachers.push(() => source.removeEventListener('abort', onAbort))
  }
  return { signal: controller.signal, abort, release }
}

/**
 * The typed error for an aborted signal. A reason that already is an mcpkit error (a caller's
 * `TimeoutError`, the transport's own `CONNECTION_CLOSED`) is kept as it is.
 */
export function abortedError(signal: AbortSignal, operation: string): McpkitError {
  return abortReasonError(signal.reason, operation)
}

/**
 * The typed error for a failed `fetch` or body read: the abort reason when `signal` aborted,
 * otherwise a `TransportError` (network failure, redirect loop, connection dropped mid-stream).
 */
export function fetchFailure(error: unknown, signal: AbortSignal, operation: string): McpkitError {
  if (signal.aborted) return abortedError(signal, operation)
  if (isMcpkitError(error)) return error
  return new TransportError(`${operation} failed: ${describe(error)}`, { cause: error })
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  // undici reports every network failure as "fetch failed" and puts the reason in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
  return `${error.message}${cause}`
}

/** Waits `delayMs` on `environment`; rejects with the abort error as soon as `signal` aborts. */
export function sleep(
  environment: Environment,
  delayMs: number,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return Promise.reject(abortedError(signal, 'reconnect'))
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      environment.clearTimeout(handle)
      reject(abortedError(signal, 'reconnect'))
    }
    const handle = environment.setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, delayMs)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
