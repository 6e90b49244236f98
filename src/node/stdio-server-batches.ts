/**
 * JSON-RPC batches over stdio. Only 2025-03-26 allows them, and over stdio the revision is known only
 * once a legacy client has initialized, so whether a batch is served is decided per line, not when
 * the engine is created: this wrapper answers a batch line with `-32600` itself while batches are
 * not allowed, and hands everything else to the engine unchanged.
 */
import { type Connection, createConnection, type InboundFrame } from '../core/connection.ts'
import { ProtocolError } from '../core/errors/protocol-error.ts'
import { errorResponse } from '../core/protocol/messages.ts'

const OPEN_BRACKET = 0x5b
const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Wraps `inner` so that batch frames reach the reader only while `allowed()` says so. A refused
 * batch gets one `-32600` error without an id (no member of it was read). Frames that merely start
 * like an array but are not valid JSON pass through, so the engine answers them `-32700`.
 *
 * @internal
 */
export function gateBatches(inner: Connection, allowed: () => boolean): Connection {
  const reader = inner.readable.getReader()
  const read = async (): Promise<InboundFrame | undefined> => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return undefined
      if (allowed() || !isBatch(value)) return value
      const error = ProtocolError.invalidRequest(
        'Invalid Request: batches are not supported (only protocol version 2025-03-26 allows them)',
      )
      inner.send(errorResponse(undefined, error.toJsonRpc())).then(undefined, ignore)
    }
  }
  const { connection } = createConnection({
    send: (message, options) => inner.send(message, options),
    read,
    teardown: (reason) => inner.close(reason),
  })
  return connection
}

/** Whether a frame holds a JSON array. */
function isBatch(frame: InboundFrame): boolean {
  switch (frame.type) {
    case 'value':
      return Array.isArray(frame.value)
    case 'text':
      return frame.text.trimStart().startsWith('[') && parsesToArray(frame.text)
    case 'bytes':
      return startsWithBracket(frame.bytes) && parsesToArray(decode(frame.bytes))
    default:
      return false
  }
}

function startsWithBracket(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    // JSON whitespace: space, tab, line feed, carriage return.
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue
    return byte === OPEN_BRACKET
  }
  return false
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes)
  } catch {
    return undefined
  }
}

function parsesToArray(text: string | undefined): boolean {
  if (text === undefined) return false
  try {
    return Array.isArray(JSON.parse(text))
  } catch {
    return false
  }
}

function ignore(): void {
  // The connection is closing; a refusal that cannot be written has nobody left to read it.
}
