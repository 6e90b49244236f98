/**
 * One HTTP request of a client transport: its headers (the `headers` option's, then the request's
 * own), its JSON body, the injected `fetch`, and the typed errors for a request that fails, is
 * refused, or is answered with the wrong content type.
 */
import { TransportError } from '../../core/errors/transport-error.ts'
import { fetchFailure } from './abort.ts'
import { toHttpError } from './http-body.ts'
import type { ResolvedTransportOptions } from './options.ts'

/** What {@link sendRequest} sends. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly url: URL
  /** From {@link requestHeaders}. */
  readonly headers: Headers
  readonly signal: AbortSignal
  /**
   * POST only: the message to send as JSON. It is serialised inside the guarded call, so a message
   * that cannot be serialised fails with a typed error like a network failure does.
   */
  readonly message?: unknown
}

/**
 * The `headers` option's headers with `extra` set over them in order; `undefined` values are left
 * out. The option's own failure propagates as it is: it is not a failure of the request.
 */
export async function requestHeaders(
  options: ResolvedTransportOptions,
  extra: Readonly<Record<string, string | undefined>> | undefined,
): Promise<Headers> {
  const headers = await options.headers()
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/**
 * Sends a request with the transport's `fetch`. A failure rejects with the abort reason when the
 * signal aborted, otherwise with a `TransportError` naming `METHOD url`.
 */
export async function sendRequest(
  options: ResolvedTransportOptions,
  request: TransportRequest,
): Promise<Response> {
  const { method, url, headers, signal } = request
  try {
    const init: RequestInit =
      method === 'POST'
        ? { method, headers, body: JSON.stringify(request.message), signal }
        : { method, headers, signal }
    return await options.fetch(url, init)
  } catch (error) {
    throw fetchFailure(error, signal, operationOf(request))
  }
}

/**
 * {@link sendRequest} for a request that must succeed: a non-2xx answer rejects with its
 * `HttpError`.
 */
export async function sendExpectingOk(
  options: ResolvedTransportOptions,
  request: TransportRequest,
): Promise<Response> {
  const response = await sendRequest(options, request)
  if (!response.ok) throw await toHttpError(response, request, options.environment)
  return response
}

/**
 * The error for a 2xx answer whose content type the exchange cannot use, e.g.
 * `GET http://…/mcp answered text/html, not SSE`. The caller cancels the body.
 */
export function unexpectedAnswer(
  request: TransportRequest,
  type: string | undefined,
  expected: string,
): TransportError {
  return new TransportError(
    `${operationOf(request)} answered ${type ?? 'no content type'}, ${expected}`,
  )
}

/** How errors name a request: `METHOD url`, e.g. `POST http://…/mcp`. */
export function operationOf(request: Pick<TransportRequest, 'method' | 'url'>): string {
  return `${request.method} ${request.url.href}`
}
