/**
 * Server→client requests of the legacy era (`sampling/createMessage`, `elicitation/create`,
 * `roots/list`): sent on the stream of the request being served, answered by the client in a
 * separate POST carrying a JSON-RPC response. One table per session, created only while a request
 * is waiting.
 */
import type { Environment } from '../../core/environment.ts'
import { AbortError } from '../../core/errors/abort-error.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { TimeoutError } from '../../core/errors/timeout-error.ts'
import { isJsonRpcId } from '../../core/protocol/classify.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import type { MessageFields } from '../http/post-input.ts'

/** One server→client request to make. */
export interface ClientRequest {
  readonly method: string
  readonly params: Readonly<Record<string, unknown>>
  /** Queues the request message on the serving stream; `false` when that stream is gone. */
  readonly send: (message: unknown) => boolean
  readonly signal?: AbortSignal | undefined
  readonly timeoutMs: number
}

interface Pending {
  readonly resolve: (result: unknown) => void
  readonly fail: (error: unknown) => void
}

// Ids only need to be unique among a session's open requests; one counter per process keeps them so.
let nextId = 0

/**
 * The requests a session's handlers are waiting on the client for.
 *
 * @example
 * const result = await table.request({ method: 'roots/list', params: {}, send, timeoutMs: 60_000 })
 * // later, when the client POSTs { id, result }:
 * table.settle(message)
 */
export class ClientRequests {
  readonly #pending = new Map<JsonRpcId, Pending>()
  readonly #environment: Environment

  constructor(environment: Environment) {
    this.#environment = environment
  }

  /** Requests waiting for an answer. */
  get size(): number {
    return this.#pending.size
  }

  /** Sends the request and resolves with the client's result (rejects with its error). */
  request(request: ClientRequest): Promise<unknown> {
    const id = ++nextId
    return new Promise((resolve, reject) => {
      const { signal } = request
      if (signal?.aborted) {
        reject(new AbortError({ operation: request.method, reason: signal.reason }))
        return
      }
      const cleanup = () => {
        this.#environment.clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        this.#pending.delete(id)
      }
      const fail = (error: unknown) => {
        cleanup()
        reject(error)
      }
      const onAbort = () => {
        request.send({
          jsonrpc: '2.0',
          method: 'notifications/cancelled',
          params: { requestId: id, reason: 'The server cancelled the request' },
        })
        fail(new AbortError({ operation: request.method, reason: signal?.reason }))
      }
      const timer = this.#environment.setTimeout(
        () => fail(new TimeoutError({ operation: request.method, timeoutMs: request.timeoutMs })),
        request.timeoutMs,
      )
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#pending.set(id, {
        resolve: (result) => {
          cleanup()
          resolve(result)
        },
        fail,
      })
      const message = { jsonrpc: '2.0', id, method: request.method, params: request.params }
      if (!request.send(message))
        fail(new AbortError({ operation: request.method, reason: 'the request stream is closed' }))
    })
  }

  /** Routes a client response to its request; `false` when nothing waits for that id. */
  settle(message: MessageFields): boolean {
    const id = message.id
    if (!isJsonRpcId(id)) return false
    const pending = this.#pending.get(id)
    if (pending === undefined) return false
    const error = message.error as { code: number; message: string; data?: unknown } | undefined
    if (error !== undefined) pending.fail(ProtocolError.fromJsonRpc(error))
    else pending.resolve(message.result)
    return true
  }

  /** Fails every waiting request (the session ended, or the server is closing). */
  rejectAll(reason: unknown): void {
    for (const pending of [...this.#pending.values()]) pending.fail(reason)
  }
}
