/**
 * CORS for browser clients on other origins. A browser sends a preflight (`OPTIONS`) before every
 * MCP POST (its `Content-Type` and `Mcp-*` headers are not CORS-safelisted), and hides response
 * headers it was not told to expose, `Mcp-Session-Id` among them, so without both a cross-origin
 * page can neither call the server nor keep a session. Only origins the Origin check accepts get
 * CORS headers: one allow-list (`allowedOrigins`, loopback origins when unset) decides both which
 * pages may call the server and which may read its answers.
 */

import { type Answer, PreparedResponse, SseAnswer } from './responses.ts'

/** What {@link CorsPolicy} needs. */
export interface CorsOptions {
  /** How long a browser may reuse a preflight answer (`Access-Control-Max-Age`, whole seconds). */
  readonly maxAgeMs: number
  /** Send `Access-Control-Allow-Credentials: true` (cookies and HTTP authentication). */
  readonly credentials: boolean
}

/**
 * Response headers a page may read besides the CORS-safelisted ones: the session id and the
 * protocol version (legacy era), the auth challenge, and how long to wait after a 503 or 429.
 */
const EXPOSED = 'mcp-session-id, mcp-protocol-version, www-authenticate, retry-after'
// A preflight's answer depends on these request headers; caches must not mix answers across them.
const PREFLIGHT_VARY = 'origin, access-control-request-method, access-control-request-headers'
// `Access-Control-Request-Headers` is a comma-separated list of header names (RFC 9110 tokens).
const HEADER_LIST = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?:\s*,\s*[!#$%&'*+\-.^_`|~0-9A-Za-z]+)*$/

/**
 * Answers preflights and adds CORS headers to the answers of cross-origin requests.
 *
 * @example
 * const cors = new CorsPolicy({ maxAgeMs: 7_200_000 })
 * if (cors.isPreflight(request.method, request.headers)) {
 *   return cors.preflight(request.headers, 'GET, POST, DELETE') // 204 with Access-Control-*
 * }
 */
export class CorsPolicy {
  readonly #maxAge: string
  readonly #credentials: boolean

  constructor(options: CorsOptions) {
    this.#maxAge = String(Math.floor(options.maxAgeMs / 1000))
    this.#credentials = options.credentials
  }

  /**
   * Whether a request is a preflight: `OPTIONS` with an `Origin` and the method it asks about.
   * Any other `OPTIONS` is an ordinary request (and gets 405).
   */
  isPreflight(method: string, headers: { get(name: string): string | null }): boolean {
    return (
      method === 'OPTIONS' &&
      headers.get('origin') !== null &&
      headers.get('access-control-request-method') !== null
    )
  }

  /**
   * The answer to a preflight from an accepted origin: 204 allowing `methods` and the headers the
   * browser asked for (every MCP request header, including the modern `Mcp-Param-*` ones, whose
   * names come from the tools). A list that is not a list of header names is not echoed.
   */
  preflight(headers: { get(name: string): string | null }, methods: string): PreparedResponse {
    const origin = headers.get('origin') ?? ''
    const fields: Record<string, string> = {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': methods,
      'access-control-max-age': this.#maxAge,
      vary: PREFLIGHT_VARY,
    }
    if (this.#credentials) fields['access-control-allow-credentials'] = 'true'
    const requested = headers.get('access-control-request-headers')?.trim()
    if (requested !== undefined && requested !== '' && HEADER_LIST.test(requested)) {
      fields['access-control-allow-headers'] = requested
    }
    return new PreparedResponse(204, fields)
  }

  /** `answer` with the headers that let a page on `origin` read it. */
  decorate(answer: Answer, origin: string): Answer {
    const fields: Record<string, string> = {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': EXPOSED,
    }
    if (this.#credentials) fields['access-control-allow-credentials'] = 'true'
    if (answer instanceof PreparedResponse) {
      const headers = withVary(answer.headerFields, fields)
      return new PreparedResponse(answer.status, headers, answer.content)
    }
    if (answer instanceof SseAnswer) {
      return new SseAnswer(answer.stream, withVary(answer.headerFields, fields))
    }
    const headers = new Headers(answer.headers)
    for (const [name, value] of Object.entries(fields)) headers.set(name, value)
    headers.append('vary', 'origin')
    return new Response(answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers,
    })
  }
}

// The answer differs by Origin, so a shared cache must key on it.
function withVary(
  headers: Readonly<Record<string, string>>,
  fields: Record<string, string>,
): Record<string, string> {
  const vary = headers.vary
  return { ...headers, ...fields, vary: vary === undefined ? 'origin' : `${vary}, origin` }
}
