/**
 * The fetch-based Streamable HTTP client transport for both protocol eras: one POST per message,
 * JSON or SSE answers, legacy resumption and the legacy GET stream, DELETE for legacy sessions.
 * Web standards only, so it runs unchanged in browsers, workers and Node.
 */
import { AbortError } from '../../core/errors/abort-error.ts'
import { connectionClosedError, type TransportError } from '../../core/errors/transport-error.ts'
import { fetchFailure, type LinkedSignal, linkSignals } from './abort.ts'
import { discardBody, readJsonBody, toHttpError } from './http-body.ts'
import {
  operationOf,
  requestHeaders,
  sendExpectingOk,
  sendRequest,
  type TransportRequest,
  unexpectedAnswer,
} from './http-request.ts'
import { JSON_MEDIA_TYPE, mediaTypeOf, SSE_MEDIA_TYPE } from './media-type.ts'
import { requestIdsOf } from './messages.ts'
import type {
  GetStreamOptions,
  PostOptions,
  PostResult,
  ResolvedTransportOptions,
  StreamableHttpTransport,
  StreamableHttpTransportOptions,
} from './options.ts'
import { resolveTransportOptions } from './options.ts'
import { streamMessages } from './resumable-stream.ts'

/** Request-metadata headers that describe a POST body and so never go on a GET. */
const POST_ONLY_HEADER = /^(content-type|accept|last-event-id|mcp-method|mcp-name|mcp-param-.+)$/i

/**
 * Creates a Streamable HTTP client transport. It speaks HTTP only; the era's rules (which headers,
 * whether to resume) come from the caller through {@link PostOptions}.
 *
 * @example
 * const transport = createStreamableHttpTransport({ url: 'http://127.0.0.1:3000/mcp' })
 * const { messages } = await transport.post(
 *   { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} },
 *   { headers: { 'mcp-protocol-version': '2025-11-25', 'mcp-session-id': sessionId }, resumable: true },
 * )
 * for await (const message of messages) console.log(message)
 * @throws {ConfigError} when an option is invalid.
 */
export function createStreamableHttpTransport(
  options: StreamableHttpTransportOptions,
): StreamableHttpTransport {
  return new HttpTransport(resolveTransportOptions(options))
}

class HttpTransport implements StreamableHttpTransport {
  readonly #options: ResolvedTransportOptions
  readonly #lifetime = new AbortController()

  constructor(options: ResolvedTransportOptions) {
    this.#options = options
  }

  async post(message: unknown, options: PostOptions = {}): Promise<PostResult> {
    this.#assertOpen()
    const link = linkSignals(this.#lifetime.signal, options.signal)
    try {
      const headers = await requestHeaders(this.#options, {
        ...options.headers,
        'content-type': JSON_MEDIA_TYPE,
        accept: `${JSON_MEDIA_TYPE}, ${SSE_MEDIA_TYPE}`,
      })
      const { url } = this.#options
      const request: TransportRequest = {
        method: 'POST',
        url,
        headers,
        signal: link.signal,
        message,
      }
      const response = await sendExpectingOk(this.#options, request)
      const messages = await this.#answerOf(response, request, { link, options })
      return {
        status: response.status,
        headers: response.headers,
        crossOrigin: response.type === 'cors',
        messages,
        cancel: () => {
          const operation = operationOf(request)
          link.abort(new AbortError({ operation, reason: 'cancelled by the caller' }))
        },
      }
    } catch (error) {
      link.release()
      throw error
    }
  }

  async openGetStream(options: GetStreamOptions): Promise<void> {
    this.#assertOpen()
    const { signal, release } = linkSignals(this.#lifetime.signal, options.signal)
    const stream = streamMessages(this.#options, {
      kind: 'get',
      headers: options.headers,
      signal,
      awaiting: new Set(),
      resumable: true,
      onInvalid: 'skip',
    })
    try {
      for await (const message of stream) options.onMessage(message)
    } catch (error) {
      // Stopping the stream on purpose (the caller's signal, close()) is the quiet way out.
      if (signal.aborted) return
      throw error
    } finally {
      release()
    }
  }

  async delete(headers: Readonly<Record<string, string>>): Promise<void> {
    this.#assertOpen()
    const request: TransportRequest = {
      method: 'DELETE',
      url: this.#options.url,
      headers: await requestHeaders(this.#options, headers),
      signal: this.#lifetime.signal,
    }
    const response = await sendRequest(this.#options, request)
    // 404: the session is already gone; 405: the server does not let clients end sessions.
    if (response.ok || response.status === 404 || response.status === 405) {
      discardBody(response)
      return
    }
    throw await toHttpError(response, request, this.#options.environment)
  }

  close(): Promise<void> {
    if (!this.#lifetime.signal.aborted) this.#lifetime.abort(closedError())
    return Promise.resolve()
  }

  /** The messages of a 2xx answer; `link` is released once the answer is fully handled. */
  async #answerOf(
    response: Response,
    request: TransportRequest,
    context: { readonly link: LinkedSignal; readonly options: PostOptions },
  ): Promise<AsyncIterable<unknown>> {
    const { link, options } = context
    const awaiting = requestIdsOf(request.message)
    const type = mediaTypeOf(response.headers.get('content-type'))
    const body = response.body
    if (type === SSE_MEDIA_TYPE && response.status !== 202 && body) {
      return streamMessages(this.#options, {
        kind: 'post',
        headers: getHeadersOf(options.headers),
        signal: link.signal,
        first: response,
        awaiting,
        resumable: options.resumable ?? false,
        onInvalid: 'throw',
        release: link.release,
      })
    }
    try {
      if (response.status === 202 || response.status === 204 || !body) return fromValues([])
      if (type === JSON_MEDIA_TYPE) return fromValues(await this.#readJson(body, request))
      // Something that is not a request expects no answer, so whatever came back is irrelevant.
      if (awaiting.size === 0) return fromValues([])
      throw unexpectedAnswer(request, type, `expected ${JSON_MEDIA_TYPE} or ${SSE_MEDIA_TYPE}`)
    } finally {
      discardBody(response)
      link.release()
    }
  }

  async #readJson(
    body: ReadableStream<Uint8Array>,
    request: TransportRequest,
  ): Promise<readonly unknown[]> {
    const operation = operationOf(request)
    try {
      const value = await readJsonBody(body, { maxBytes: this.#options.maxMessageBytes, operation })
      return Array.isArray(value) ? value : [value]
    } catch (error) {
      throw fetchFailure(error, request.signal, operation)
    }
  }

  #assertOpen(): void {
    if (this.#lifetime.signal.aborted) throw closedError()
  }
}

function closedError(): TransportError {
  return connectionClosedError('The transport was closed')
}

/** The per-request headers that also belong on a resumption GET. */
function getHeadersOf(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!POST_ONLY_HEADER.test(name)) kept[name] = value
  }
  return kept
}

async function* fromValues(values: readonly unknown[]): AsyncGenerator<unknown, void, undefined> {
  yield* values
}
