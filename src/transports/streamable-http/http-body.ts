/**
 * Response bodies the transport reads whole: JSON answers and error bodies. Reading is capped in
 * bytes (and, for error bodies, in time), and every body the transport does not read is cancelled,
 * so no connection is left open behind an error.
 */
import type { Environment } from '../../core/environment.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { HttpError } from '../../core/errors/http-error.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import { isJsonMediaType, mediaTypeOf } from './media-type.ts'

/** How much of an error body is read. */
const ERROR_BODY_MAX_BYTES = 64 * 1024
/** How much of a non-JSON error body is kept as text. */
const ERROR_TEXT_MAX_CHARS = 4096
/** How long an error body may take to arrive before the rest is dropped. */
const ERROR_BODY_TIMEOUT_MS = 5000
/** Response headers an {@link HttpError} keeps. */
const KEPT_HEADERS = [
  'content-type',
  'location',
  'mcp-session-id',
  'retry-after',
  'www-authenticate',
] as const

/** Cancels a body nobody will read; never throws. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(ignore)
}

/** What {@link readCapped} read. */
export interface CappedText {
  /** The body decoded as UTF-8 (the first `maxBytes` bytes of it when truncated). */
  readonly text: string
  /** The body had more than `maxBytes` (the rest was cancelled unread). */
  readonly truncated: boolean
}

/** Options of {@link readCapped}. */
export interface ReadCappedOptions {
  readonly maxBytes: number
  /** Stop reading (keeping what arrived) after this long. Needs `environment`. */
  readonly timeoutMs?: number
  readonly environment?: Environment
}

/**
 * Reads at most `maxBytes` of a body as UTF-8 text, then cancels the rest. Chunks are decoded as
 * they arrive (a streaming decode gives the same text as decoding the joined bytes), so the bytes
 * are never copied into one buffer.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  options: ReadCappedOptions,
): Promise<CappedText> {
  const reader = body.getReader()
  const { environment, timeoutMs, maxBytes } = options
  // Cancelling makes the pending read() resolve as done, which ends the loop below.
  const timer =
    environment && timeoutMs !== undefined
      ? environment.setTimeout(() => void reader.cancel().catch(ignore), timeoutMs)
      : undefined
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { text: text + decoder.decode(), truncated: false }
      if (size + value.byteLength > maxBytes) {
        return { text: text + decoder.decode(value.subarray(0, maxBytes - size)), truncated: true }
      }
      text += decoder.decode(value, { stream: true })
      size += value.byteLength
    }
  } finally {
    if (timer !== undefined) environment?.clearTimeout(timer)
    reader.cancel().catch(ignore)
  }
}

/** Options of {@link readJsonBody}. */
export interface ReadJsonOptions {
  readonly maxBytes: number
  /** Names the exchange in error messages, e.g. `POST http://…/mcp`. */
  readonly operation: string
}

/**
 * Reads and parses a JSON response body. Fails with a `TransportError` when the body is not JSON,
 * and with `MESSAGE_TOO_LARGE` when it exceeds `maxBytes`.
 */
export async function readJsonBody(
  body: ReadableStream<Uint8Array>,
  options: ReadJsonOptions,
): Promise<unknown> {
  const { operation, maxBytes } = options
  const { text, truncated } = await readCapped(body, { maxBytes })
  if (truncated) {
    throw new TransportError(`${operation} answered more than ${maxBytes} bytes of JSON`, {
      code: ErrorCode.MessageTooLarge,
    })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new TransportError(`${operation} answered invalid JSON`, { cause: error })
  }
}

/** The request a refused response answered, as an {@link HttpError} names it. */
export interface RefusedRequest {
  readonly method: string
  readonly url: URL
}

/**
 * Builds the {@link HttpError} for a non-2xx response: the body is read (capped, time-boxed) and
 * parsed as JSON when it says it is JSON, otherwise kept as text (capped). The body is always
 * consumed or cancelled.
 */
export async function toHttpError(
  response: Response,
  request: RefusedRequest,
  environment: Environment,
): Promise<HttpError> {
  let body: unknown
  try {
    body = await readErrorBody(response, environment)
  } catch {
    body = undefined // the body failed mid-read; the status alone still says what happened
  }
  return new HttpError({
    status: response.status,
    statusText: response.statusText,
    url: request.url.href,
    method: request.method,
    body,
    headers: keptHeaders(response.headers),
  })
}

async function readErrorBody(response: Response, environment: Environment): Promise<unknown> {
  const body = response.body
  if (!body) return undefined
  const { text, truncated } = await readCapped(body, {
    maxBytes: ERROR_BODY_MAX_BYTES,
    timeoutMs: ERROR_BODY_TIMEOUT_MS,
    environment,
  })
  if (!truncated && isJsonMediaType(mediaTypeOf(response.headers.get('content-type')))) {
    try {
      return JSON.parse(text)
    } catch {
      // Claimed JSON but is not: keep the text below.
    }
  }
  if (text === '') return undefined
  return text.length > ERROR_TEXT_MAX_CHARS ? `${text.slice(0, ERROR_TEXT_MAX_CHARS)}…` : text
}

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name)
    if (value !== null) kept[name] = value
  }
  return kept
}

function ignore(): void {
  // Cancelling a body that already ended or failed has nothing left to release.
}
