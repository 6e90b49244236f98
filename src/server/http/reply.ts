/**
 * The answer to one POST: plain JSON when the response comes first, an SSE stream as soon as
 * anything related to the request (a progress or log notification, a server→client request) has to
 * go out before it. The common request pays for one `JSON.stringify` and one `Response`.
 */
import { type Answer, emptyResponse, jsonResponse } from './responses.ts'

/** The SSE side of a reply, opened on the first message sent before the response. */
export interface ReplyStream {
  /** The SSE response handed to the client. */
  readonly response: Answer
  /** Queues one JSON-RPC message, in order. */
  send(message: unknown): void
  /** Ends the stream after everything queued. */
  end(): void
}

/** What a {@link Reply} is built from. */
export interface ReplyOptions {
  /** Opens the SSE stream (upgrade). */
  readonly openStream: () => ReplyStream
  /** Extra headers of a JSON answer (e.g. `Mcp-Session-Id`). */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Responses that complete the reply: 1, or the number of requests in a batch. @default 1 */
  readonly expected?: number
  /** Answer with a JSON array (a batch), even for one response. @default false */
  readonly batch?: boolean
  /** Called once when the reply is over: JSON handed out, stream ended, or abandoned. */
  readonly onSettled?: (() => void) | undefined
}

/**
 * One request's reply.
 *
 * @example
 * const reply = new Reply({ openStream: () => openSse() })
 * dispatch().then((result) => reply.respond(resultResponse(id, result)))
 * return reply.response
 */
export class Reply {
  #promise: Promise<Answer> | undefined = undefined
  #resolve: ((response: Answer) => void) | undefined = undefined
  #answer: Answer | undefined = undefined
  readonly #options: ReplyOptions
  #stream: ReplyStream | undefined = undefined
  #remaining: number
  #collected: unknown[] | undefined = undefined
  #done = false

  constructor(options: ReplyOptions) {
    this.#options = options
    this.#remaining = options.expected ?? 1
  }

  /** Settles with the HTTP response as soon as its kind (JSON or SSE) is known. */
  get response(): Promise<Answer> {
    if (this.#promise === undefined) {
      const answer = this.#answer
      this.#promise =
        answer !== undefined
          ? Promise.resolve(answer)
          : new Promise((resolve) => {
              this.#resolve = resolve
            })
    }
    return this.#promise
  }

  /**
   * The HTTP response once its kind is known (`undefined` before): a caller can hand it back at
   * once instead of waiting for {@link Reply.response}, and no promise is made.
   */
  get answered(): Answer | undefined {
    return this.#answer
  }

  /** Whether the reply is over: nothing more may be sent for the request. */
  get done(): boolean {
    return this.#done
  }

  /** The SSE stream, if the reply was upgraded. */
  get stream(): ReplyStream | undefined {
    return this.#stream
  }

  /** Upgrades to SSE now, if not already, and returns the stream; `undefined` once the reply is over. */
  ensureStream(): ReplyStream | undefined {
    if (this.#done) return undefined
    if (this.#stream === undefined) {
      const stream = this.#options.openStream()
      this.#stream = stream
      this.#settle(stream.response)
      if (this.#collected !== undefined) for (const message of this.#collected) stream.send(message)
      this.#collected = undefined
    }
    return this.#stream
  }

  /**
   * Sends a message related to the request ahead of its response, upgrading to SSE. Returns `false`
   * when it was dropped because the reply is over.
   */
  send(message: unknown): boolean {
    const stream = this.ensureStream()
    if (stream === undefined) return false
    stream.send(message)
    return true
  }

  /** Sends one response; the last expected one completes the reply. `status` applies to JSON. */
  respond(message: unknown, status = 200): void {
    if (this.#done) return
    this.#remaining--
    if (this.#stream !== undefined) {
      this.#stream.send(message)
      if (this.#remaining <= 0) this.#endStream()
      return
    }
    if (this.#options.batch === true) {
      this.#collected ??= []
      this.#collected.push(message)
      if (this.#remaining <= 0) this.#finishJson(status)
      return
    }
    this.#finish(jsonResponse(JSON.stringify(message), { status, headers: this.#options.headers }))
  }

  /**
   * Gives up one expected response: its request was cancelled, and nothing may be sent for it. When
   * no response is left to send, the stream ends, or the POST gets 202 with no body.
   */
  skip(): void {
    if (this.#done) return
    this.#remaining--
    if (this.#remaining > 0) return
    if (this.#stream !== undefined) this.#endStream()
    else if (this.#collected !== undefined) this.#finishJson(200)
    else this.#finish(emptyResponse(202))
  }

  #finishJson(status: number): void {
    const json = JSON.stringify(this.#collected)
    this.#collected = undefined
    this.#finish(jsonResponse(json, { status, headers: this.#options.headers }))
  }

  #settle(answer: Answer): void {
    this.#answer = answer
    this.#resolve?.(answer)
  }

  // The reply is over once its answer is out: JSON settled, or the stream ended.
  #finish(answer: Answer): void {
    this.#done = true
    this.#settle(answer)
    this.#options.onSettled?.()
  }

  #endStream(): void {
    this.#done = true
    this.#stream?.end()
    this.#options.onSettled?.()
  }
}
