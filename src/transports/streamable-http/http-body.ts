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
export interface CappedBytes {
  readonly bytes: Uint8Array
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

/** Reads at most `maxBytes` of a body, then cancels the rest. */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  options: ReadCappedOptions,
): Promise<CappedBytes> {
  const reader = body.getReader()
  const { environment, timeoutMs } = options
  // Cancelling makes the pending read() resolve as done, which ends the loop below.
  const timer =
    environment && timeoutMs !== undefined
      ? environment.setTimeout(() => void reader.cancel().catch(ignore), timeoutMs)
      : undefined
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { bytes: concat(chunks, size), truncated: false }
      if (size + value.byteLength > options.maxBytes) {
        chunks.push(value.subarray(0, options.maxBytes - size))
        return { bytes: concat(chunks, options.maxBytes), truncated: true }
      }
      chunks.push(value)
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
export async function readJsonBody(response: Response, options: ReadJsonOptions): Promise<unknown> {
  if (!response.body) throw new TransportError(`${options.operation} answered JSON with no body`)
  const { bytes, truncated } = await readCapped(response.body, { maxBytes: options.maxBytes })
  if (truncated) {
    throw new TransportError(
      `${options.operation} answered more than ${options.maxBytes} bytes of JSON`,
      { code: ErrorCode.MessageTooLarge },
    )
  }
  const text = new TextDecoder().decode(bytes)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new TransportError(`${options.operation} answered invalid JSON`, { cause: error })
  }
}

/** What {@link toHttpError} needs besides the response. */
export interface HttpErrorContext {
  readonly method: string
  readonly url: string
  readonly environment: Environment
}

/**
 * Builds the {@link HttpError} for a non-2xx response: the body is read (capped, time-boxed) and
 * parsed as JSON when it says it is JSON, otherwise kept as text (capped). The body is always
 * consumed or cancelled.
 */
export async function toHttpError(
  response: Response,
  context: HttpErrorContext,
): Promise<HttpError> {
  let body: unknown
  try {
    body = response.body ? await readErrorBody(response, context.environment) : undefined
  } catch {
    body = undefined // the body failed mid-read; the status alone still says what happened
  }
  return new HttpError({
    status: response.status,
    statusText: response.statusText,
    url: context.url,
    method: context.method,
    body,
    headers: keptHeaders(response.headers),
  })
}

async function readErrorBody(response: Response, environment: Environment): Promise<unknown> {
  const body = response.body
  if (!body) return undefined
  const { bytes, truncated } = await readCapped(body, {
    maxBytes: ERROR_BODY_MAX_BYTES,
    timeoutMs: ERROR_BODY_TIMEOUT_MS,
    environment,
  })
  const text = new TextDecoder().decode(bytes)
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

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function ignore(): void {
  // Cancelling a body that already ended or failed has nothing left to release.
}
