/**
 * Turning an HTTP failure into what the caller should see: the JSON-RPC error a 4xx body carries is
 * the server's answer (a `ProtocolError`, with the `HttpError` as its cause); anything else stays an
 * `HttpError`.
 *
 * @internal
 */
import { isHttpError } from '../core/errors/guards.ts'
import type { HttpError } from '../core/errors/http-error.ts'
import { ProtocolError } from '../core/errors/protocol-error.ts'
import { jsonRpcErrorOfBody } from '../core/protocol/classify.ts'

/** The `HttpError` behind `error`: itself, or the cause a connection wrapped it in. */
export function httpErrorOf(error: unknown): HttpError | undefined {
  if (isHttpError(error)) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  return isHttpError(cause) ? cause : undefined
}

/** `error` as the caller should see it: a `ProtocolError` when the HTTP body carried one. */
export function fromHttpFailure(error: unknown): unknown {
  const http = httpErrorOf(error)
  if (http === undefined) return error
  const rpc = jsonRpcErrorOfBody(http.body)
  if (rpc === undefined) return http
  return new ProtocolError(rpc.code, rpc.message, { data: rpc.data, cause: http })
}
