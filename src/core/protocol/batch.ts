/**
 * Collects the responses to one incoming batch (2025-03-26) and sends them as one array once every
 * request in it has settled. Notifications and cancelled requests add nothing; a batch that produced
 * no response sends nothing.
 *
 * @internal
 */
import type { JsonRpcResponse } from './messages.ts'

/**
 * One incoming batch's responses, flushed as a single array by the last `release()`.
 *
 * @internal
 */
export class BatchCollector {
  readonly #flush: (responses: readonly JsonRpcResponse[]) => void
  readonly #responses: JsonRpcResponse[] = []
  // Starts at 1: the dispatcher holds the batch open until every element has been routed.
  #open = 1

  constructor(flush: (responses: readonly JsonRpcResponse[]) => void) {
    this.#flush = flush
  }

  /** A request of the batch started; its response (or cancellation) will follow. */
  hold(): void {
    this.#open += 1
  }

  /** Adds a response; does not release a hold. */
  add(response: JsonRpcResponse): void {
    this.#responses.push(response)
  }

  /** One hold ends; the last one sends the collected responses. */
  release(): void {
    this.#open -= 1
    if (this.#open === 0 && this.#responses.length > 0) this.#flush(this.#responses)
  }
}
