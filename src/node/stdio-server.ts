/**
 * The stdio server (SPEC §6): MCP over this process's stdin and stdout, one JSON-RPC message per
 * line, both protocol eras on one process. stdout carries only MCP messages; diagnostics go to
 * stderr. The server stops at the end of input (after answering what it already read), when its
 * signal aborts, or on `close()`.
 */

import type { LegacyRevision } from '../core/eras/versions.ts'
import type { EngineEvent } from '../core/events/engine-events.ts'
import { createStreamConnection } from '../core/framing/stream-connection.ts'
import { createJsonRpcEngine, type JsonRpcEngine } from '../core/protocol/engine.ts'
import { readableFromNode, writableFromNode } from './stdio-connection.ts'
import { gateBatches } from './stdio-server-batches.ts'
import {
  type ResolvedStdioServerOptions,
  resolveStdioServerOptions,
  type StdioServerOptions,
} from './stdio-server-options.ts'
import {
  type StdioContext,
  type StdioServable,
  serveNotification,
  serveRequest,
} from './stdio-server-requests.ts'
import { StdioState } from './stdio-server-state.ts'

export type { StdioServerOptions } from './stdio-server-options.ts'
export type { StdioServable } from './stdio-server-requests.ts'

/** A running stdio server, as {@link serveStdio} returns it. */
export interface StdioServer extends AsyncDisposable {
  /**
   * Resolves once the server has stopped and let go of stdin and stdout (stdout is ended, after the
   * messages already written): at the end of input, when the signal aborted, after `close()`, or
   * when stdout broke. Never rejects.
   */
  readonly closed: Promise<void>
  /**
   * Stops gracefully: ends every `subscriptions/listen` with its result, waits up to
   * `shutdownTimeoutMs` for the requests in flight to answer, aborts the rest, and ends stdout.
   * Calling it again returns the same promise.
   */
  close(): Promise<void>
  /** The revision a legacy client negotiated with `initialize`; `undefined` until then. */
  readonly legacyRevision: LegacyRevision | undefined
}

const LF = new Uint8Array([0x0a])

/**
 * Serves `server` over stdio until the input ends. A request whose `_meta` names a protocol version
 * (2026-07-28) is served statelessly; `initialize` starts the legacy era's process state for the
 * client that sent it. Both may arrive on one process. Batches are served only to a legacy client
 * that negotiated 2025-03-26.
 *
 * @example
 * const server = createServer({ name: 'notes', version: '1.0.0' })
 * server.tool('add', { inputSchema: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => `${a + b}`)
 *
 * const stdio = serveStdio(server)
 * process.on('SIGTERM', () => void stdio.close())
 * await stdio.closed // the client closed stdin
 * @see {@link StdioServerOptions} for the streams, the shutdown deadline and the signal.
 */
export function serveStdio(server: StdioServable, options?: StdioServerOptions): StdioServer {
  return new StdioServerProcess(server, resolveStdioServerOptions(options))
}

class StdioServerProcess implements StdioServer {
  readonly closed: Promise<void>
  readonly #options: ResolvedStdioServerOptions
  readonly #state: StdioState
  readonly #engine: JsonRpcEngine
  readonly #inFlight = new InFlight()
  #draining: Promise<void> | undefined
  #closing: Promise<void> | undefined

  constructor(server: StdioServable, options: ResolvedStdioServerOptions) {
    this.#options = options
    this.#state = new StdioState((method, params) => {
      this.#engine.notify(method, params).then(undefined, ignore)
    })
    this.#engine = this.#startEngine(server)
    const detach = server.attachNotifier(this.#state)
    const stopLogging = this.#engine.events.subscribe((event) => this.#diagnose(event))
    const { signal } = options
    const onAbort = () => void this.close()
    signal?.addEventListener('abort', onAbort, { once: true })
    this.closed = this.#engine.closed.then(() => {
      detach()
      stopLogging()
      signal?.removeEventListener('abort', onAbort)
    })
    if (signal?.aborted) onAbort()
  }

  get legacyRevision(): LegacyRevision | undefined {
    return this.#state.legacy?.revision
  }

  close(): Promise<void> {
    this.#closing ??= this.#drain()
      .then(() => this.#engine.close())
      .then(() => this.closed)
    return this.#closing
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  #startEngine(server: StdioServable): JsonRpcEngine {
    const options = this.#options
    // The end of input is held back until what was read has been answered (see #endOfInput).
    const input = readableFromNode(options.stdin).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        flush: (controller) => this.#endOfInput(controller),
      }),
    )
    const lines = createStreamConnection({
      readable: input,
      writable: writableFromNode(options.stdout),
      maxMessageBytes: options.maxMessageBytes,
    })
    const connection = gateBatches(lines, () => this.#state.batchesAllowed)
    const context: StdioContext = {
      server,
      state: this.#state,
      requestTimeoutMs: options.requestTimeoutMs,
      signal: connection.signal,
    }
    return createJsonRpcEngine({
      connection,
      batches: 'accept',
      // The 2025-11-25 and 2026-07-28 schemas have no `id: null`; older clients accept its absence.
      unreadableId: 'omit',
      maxMessageBytes: options.maxMessageBytes,
      defaultTimeoutMs: options.requestTimeoutMs,
      maxTotalTimeoutMs: Number.POSITIVE_INFINITY,
      onRequest: (request) => this.#inFlight.track(serveRequest(context, request)),
      onNotification: (notification) => serveNotification(context, notification),
    })
  }

  /**
   * Input ended. A final line without a newline is completed, every line already read is
   * dispatched, and the answers are awaited (up to the deadline) before the end reaches the engine,
   * which then closes: `printf '…' | node server.js` gets every answer.
   */
  async #endOfInput(controller: TransformStreamDefaultController<Uint8Array>): Promise<void> {
    controller.enqueue(LF)
    // Chunks still queued have not reached the line decoder; once they have, their requests are
    // dispatched within microtasks, so one more turn of the event loop sees them all in flight.
    while ((controller.desiredSize ?? 0) < 0 && !this.#engine.signal.aborted) await nextTurn()
    await nextTurn()
    await this.#drain()
  }

  #drain(): Promise<void> {
    this.#draining ??= (() => {
      this.#state.endListens()
      return this.#inFlight.settled(this.#options.shutdownTimeoutMs)
    })()
    return this.#draining
  }

  #diagnose(event: EngineEvent): void {
    const log = this.#options.log
    try {
      if (event.type === 'message:invalid') {
        log(`mcpkit stdio server: refused a message (${event.reason}): ${event.error.message}`)
      } else if (event.type === 'notification:failed') {
        log(`mcpkit stdio server: ${event.notification.method} failed: ${messageOf(event.error)}`)
      } else if (event.type === 'engine:error') {
        log(`mcpkit stdio server: ${messageOf(event.error)}`)
      }
    } catch {
      // A failing logger must not take the server down.
    }
  }
}

/** The requests being answered, so that stopping can wait for them. */
class InFlight {
  #count = 0
  #idle: (() => void) | undefined

  /** Counts `outcome` while it is pending; synchronous outcomes are not counted. */
  track(outcome: unknown): unknown {
    if (!isThenable(outcome)) return outcome
    this.#count++
    const done = () => {
      this.#count--
      if (this.#count === 0) this.#idle?.()
    }
    outcome.then(done, done)
    return outcome
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  settled(timeoutMs: number): Promise<void> {
    if (this.#count === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(finish, timeoutMs)
      function finish() {
        clearTimeout(timer)
        resolve()
      }
      this.#idle = finish
    })
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function ignore(): void {
  // Notifications are best effort: after the connection closed there is nobody to tell.
}
