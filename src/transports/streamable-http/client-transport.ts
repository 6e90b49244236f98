/**
 * The fetch-based Streamable HTTP client transport for both protocol eras: one POST per message,
 * JSON or SSE answers, legacy resumption and the legacy GET stream, DELETE for legacy sessions.
 * Web standards only, so it runs unchanged in browsers, workers and Node.
 */
import { AbortError } from '../../core/errors/abort-error.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import { fetchFailure, type LinkedSignal, linkSignals } from './abort.ts'
import { discardBody, readJsonBody, toHttpError } from './http-body.ts'
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
    const { url, environment } = this.#options
    const operation = `POST ${url.href}`
    const link = linkSignals(this.#lifetime.signal, options.signal)
    const { signal } = link
    try {
      const headers = await this.#headers(options.headers)
      headers.set('content-type', JSON_MEDIA_TYPE)
      headers.set('accept', `${JSON_MEDIA_TYPE}, ${SSE_MEDIA_TYPE}`)
      let response: Response
      try {
        const body = JSON.stringify(message)
        response = await this.#options.fetch(url, { method: 'POST', headers, body, signal })
      } catch (error) {
        throw fetchFailure(error, signal, operation)
      }
      if (!response.ok) {
        throw await toHttpError(response, { method: 'POST', url: url.href, environment })
      }
      const messages = await this.#answerOf(response, message, { link, options })
      return {
        status: response.status,
        headers: response.headers,
        messages,
        cancel: () => link.abort(new AbortError({ operation, reason: 'cancelled by the caller' })),
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
    const { url, environment } = this.#options
    const signal = this.#lifetime.signal
    let response: Response
    try {
      response = await this.#options.fetch(url, {
        method: 'DELETE',
        headers: await this.#headers(headers),
        signal,
      })
    } catch (error) {
      throw fetchFailure(error, signal, `DELETE ${url.href}`)
    }
    // 404: the session is already gone; 405: the server does not let clients end sessions.
    if (response.ok || response.status === 404 || response.status === 405) {
      discardBody(response)
      return
    }
    throw await toHttpError(response, { method: 'DELETE', url: url.href, environment })
  }

  close(): Promise<void> {
    if (!this.#lifetime.signal.aborted) {
      this.#lifetime.abort(
        new TransportError('The transport was closed', { code: ErrorCode.ConnectionClosed }),
      )
    }
    return Promise.resolve()
  }

  /** The messages of a 2xx answer; `link` is released once the answer is fully handled. */
  async #answerOf(
    response: Response,
    message: unknown,
    context: { readonly link: LinkedSignal; readonly options: PostOptions },
  ): Promise<AsyncIterable<unknown>> {
    const { link, options } = context
    const awaiting = requestIdsOf(message)
    const type = mediaTypeOf(response.headers.get('content-type'))
    if (type === SSE_MEDIA_TYPE && response.status !== 202 && response.body) {
      const stream = streamMessages(this.#options, {
        kind: 'post',
        headers: getHeadersOf(options.headers),
        signal: link.signal,
        first: response,
        awaiting,
        resumable: options.resumable ?? false,
        onInvalid: 'throw',
      })
      return releasing(stream, link.release)
    }
    try {
      if (response.status === 202 || response.status === 204 || !response.body) return noValues()
      if (type === JSON_MEDIA_TYPE) return fromValues(await this.#readJson(response, link.signal))
      // Something that is not a request expects no answer, so whatever came back is irrelevant.
      if (awaiting.size === 0) return noValues()
      throw new TransportError(
        `POST ${this.#options.url.href} answered ${type ?? 'no content type'}, expected ${JSON_MEDIA_TYPE} or ${SSE_MEDIA_TYPE}`,
      )
    } finally {
      discardBody(response)
      link.release()
    }
  }

  async #readJson(response: Response, signal: AbortSignal): Promise<readonly unknown[]> {
    const operation = `POST ${this.#options.url.href}`
    try {
      const value = await readJsonBody(response, {
        maxBytes: this.#options.maxMessageBytes,
        operation,
      })
      return Array.isArray(value) ? value : [value]
    } catch (error) {
      throw fetchFailure(error, signal, operation)
    }
  }

  async #headers(extra: Readonly<Record<string, string>> | undefined): Promise<Headers> {
    const headers = await this.#options.headers()
    for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value)
    return headers
  }

  #assertOpen(): void {
    if (this.#lifetime.signal.aborted) {
      throw new TransportError('The transport was closed', { code: ErrorCode.ConnectionClosed })
    }
  }
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

function noValues(): AsyncGenerator<unknown, void, undefined> {
  return fromValues([])
}

/** Runs `release` once the stream is done, however it ends. */
async function* releasing(
  stream: AsyncGenerator<unknown, void, undefined>,
  release: () => void,
): AsyncGenerator<unknown, void, undefined> {
  try {
    yield* stream
  } finally {
    release()
  }
}
