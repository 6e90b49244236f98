import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { BufferedRequest, HeaderLookup } from '../core/buffered-exchange.ts'
import type { Exchange } from './exchange.ts'
import { headerPairs } from './node-request.ts'

/**
 * Header lookup over node's parsed headers: no `Headers` object is built. Node joins repeated
 * headers with `, ` as `Headers` does, except for the few it keeps once (such as `Content-Type`,
 * `Host`), where it keeps the first.
 */
class NodeHeaderLookup implements HeaderLookup {
  readonly #headers: IncomingHttpHeaders

  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers
  }

  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()]
    if (value === undefined) return null
    return typeof value === 'string' ? value : value.join(', ')
  }
}

/**
 * The buffered form of a node request for handlers that take one (mcpkit's server): method, URL,
 * a header lookup, the disconnect signal (created only if read) and the body read already.
 *
 * @internal
 */
export class NodeBufferedRequest implements BufferedRequest {
  readonly method: string
  readonly url: string
  readonly headers: HeaderLookup
  readonly bodyBytes: Uint8Array | null
  readonly #exchange: Exchange
  readonly #req: IncomingMessage

  constructor(
    req: IncomingMessage,
    init: { url: string; bodyBytes: Uint8Array | null; exchange: Exchange },
  ) {
    this.method = req.method ?? 'GET'
    this.url = init.url
    this.headers = new NodeHeaderLookup(req.headers)
    this.bodyBytes = init.bodyBytes
    this.#exchange = init.exchange
    this.#req = req
  }

  get signal(): AbortSignal {
    return this.#exchange.signal
  }

  /** A web `Request` with the same contents, for `onError` (built only then). */
  toRequest(): Request {
    const init: RequestInit = { method: this.method, headers: headerPairs(this.#req.rawHeaders) }
    if (this.bodyBytes !== null) init.body = this.bodyBytes as Uint8Array<ArrayBuffer>
    return new Request(this.url, init)
  }
}
