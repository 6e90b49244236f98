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

/** The `HttpError` behind `error`: itself, or the cause a connection wrapped it in. */
export function httpErrorOf(error: unknown): HttpError | undefined {
  if (isHttpError(error)) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  return isHttpError(cause) ? cause : undefined
}

/** The JSON-RPC error object of a parsed response body, if it is one. */
export function jsonRpcErrorOf(
  body: unknown,
): { code: number; message: string; data: unknown } | undefined {
  const parsed = typeof body === 'string' ? parseJson(body) : body
  // Optional chaining reads `undefined` from `null`, `undefined` and primitives alike.
  const error = (parsed as { error?: unknown } | null | undefined)?.error
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message, data } = error as { code?: unknown; message?: unknown; data?: unknown }
  if (!Number.isInteger(code) || typeof message !== 'string') return undefined
  return { code: code as number, message, data }
}

/** `error` as the caller should see it: a `ProtocolError` when the HTTP body carried one. */
export function fromHttpFailure(error: unknown): unknown {
  const http = httpErrorOf(error)
  if (http === undefined) return error
  const rpc = jsonRpcErrorOf(http.body)
  if (rpc === undefined) return http
  return new ProtocolError(rpc.code, rpc.message, { data: rpc.data, cause: http })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
