/**
 * Reading a request body under a size cap. A declared `Content-Length` above the cap is refused
 * before anything is read; a body without one (chunked) is counted while it streams and abandoned
 * as soon as it passes the cap, so an endless body never fills memory.
 */

import { isBufferedRequest } from '../../core/buffered-exchange.ts'
import type { HttpRequest } from './responses.ts'

/** The body as text, or `tooLarge` when it passes the cap. */
export type BodyText = { readonly ok: true; readonly text: string } | { readonly ok: false }

const decoder = new TextDecoder()

/**
 * Reads `request`'s body as UTF-8 text, refusing bodies over `maxBytes`.
 *
 * @example
 * const body = await readBodyText(request, 4 * 1024 * 1024)
 * if (!body.ok) return new Response(null, { status: 413 })
 */
export function readBodyText(request: HttpRequest, maxBytes: number): BodyText | Promise<BodyText> {
  // A buffered request's body was read whole by the adapter: only its size is left to check.
  if (isBufferedRequest(request)) {
    const bytes = request.bodyBytes
    if (bytes === null) return { ok: true, text: '' }
    return bytes.byteLength > maxBytes ? { ok: false } : { ok: true, text: decoder.decode(bytes) }
  }
  return readStreamedText(request, maxBytes)
}

async function readStreamedText(request: Request, maxBytes: number): Promise<BodyText> {
  const declared = request.headers.get('content-length')
  if (declared !== null) {
    const length = Number(declared)
    if (!Number.isSafeInteger(length) || length < 0) return readCounted(request, maxBytes)
    if (length > maxBytes) {
      await discard(request)
      return { ok: false }
    }
    // The HTTP layer delivers at most the declared length, so the cap holds without counting.
    return { ok: true, text: await request.text() }
  }
  return readCounted(request, maxBytes)
}

async function readCounted(request: Request, maxBytes: number): Promise<BodyText> {
  const body = request.body
  if (body === null) return { ok: true, text: '' }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(ignore)
      return { ok: false }
    }
    chunks.push(value)
  }
  return { ok: true, text: decodeChunks(chunks, total) }
}

function decodeChunks(chunks: readonly Uint8Array[], total: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0])
  const joined = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.byteLength
  }
  return decoder.decode(joined)
}

async function discard(request: Request): Promise<void> {
  await request.body?.cancel().catch(ignore)
}

function ignore(): void {}
