import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** What {@link HttpError} is built from: the response already read, never a live stream. */
export interface HttpErrorInit extends McpkitErrorOptions {
  readonly status: number
  readonly statusText?: string
  /** The request URL. */
  readonly url: string
  /** The HTTP method of the request. */
  readonly method?: string
  /** The response body, parsed as JSON when it was JSON, otherwise its text (capped). */
  readonly body?: unknown
  /** Response headers worth keeping (e.g. `www-authenticate`, `retry-after`). */
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * An HTTP exchange answered with an unexpected status. The body is read and parsed up front so the
 * error holds no open stream and can be logged or serialised safely.
 */
export class HttpError extends McpkitError {
  override readonly name = 'HttpError' as const
  declare readonly status: number
  declare readonly statusText: string
  declare readonly url: string
  declare readonly method: string
  declare readonly body: unknown
  declare readonly headers: Readonly<Record<string, string>>

  constructor(init: HttpErrorInit) {
    const method = init.method ?? 'GET'
    const text = init.statusText ? ` ${init.statusText}` : ''
    super(ErrorCode.Http, `HTTP ${init.status}${text} from ${method} ${init.url}`, init)
    this.status = init.status
    this.statusText = init.statusText ?? ''
    this.url = init.url
    this.method = method
    this.body = init.body
    this.headers = init.headers ?? {}
  }
}
