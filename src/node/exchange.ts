/**
 * The state one request and its response share: the client's abort signal, created only if someone
 * reads it, and what the writer needs to stop when the client goes away.
 *
 * @internal
 */
export class Exchange {
  /** The client went away before the response finished: nothing more may be written. */
  closed = false
  /** The response body being written, cancelled when the client goes away. */
  reader: ReadableStreamDefaultReader<unknown> | undefined = undefined
  /** Ends the writer's wait for `drain`, which never comes once the socket is gone. */
  resume: (() => void) | undefined = undefined
  /** Tells a streaming body's producer that the client is gone. */
  onDisconnect: ((reason: unknown) => void) | undefined = undefined
  #controller: AbortController | undefined = undefined

  /** Aborts when the client disconnects before the response finished. */
  get signal(): AbortSignal {
    this.#controller ??= new AbortController()
    return this.#controller.signal
  }

  /** Called when the response closes before it finished. */
  disconnect(): void {
    this.closed = true
    const reason = new DOMException('The client disconnected', 'AbortError')
    this.#controller ??= new AbortController()
    this.#controller.abort(reason)
    this.reader?.cancel(reason).catch(ignore)
    this.resume?.()
    this.onDisconnect?.(reason)
  }
}

/** @internal */
export function ignore(): void {}
