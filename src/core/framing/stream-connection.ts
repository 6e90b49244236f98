/**
 * A {@link Connection} over a pair of web byte streams with newline-delimited JSON framing: what stdio
 * uses, and what any other byte-stream transport should reuse (SPEC §5.5).
 */
import { type Connection, createConnection, type InboundFrame } from '../connection.ts'
import { TransportError } from '../errors/transport-error.ts'
import { checkLimit, DEFAULT_MAX_MESSAGE_BYTES } from '../protocol/limits.ts'
import type { OutboundMessage } from '../protocol/messages.ts'
import { LineDecoder } from './line-decoder.ts'

/** Options of {@link createStreamConnection}. */
export interface StreamConnectionOptions {
  /** Where incoming bytes come from (a child's stdout, or our own stdin). */
  readonly readable: ReadableStream<Uint8Array>
  /**
   * Where outgoing bytes go (a child's stdin, or our own stdout). Closed when the connection closes,
   * after the messages already sent have been written.
   */
  readonly writable: WritableStream<Uint8Array>
  /**
   * The longest incoming line, in bytes. Longer lines are skipped without buffering them and reach the
   * reader as `oversized` frames. @default 16 MiB
   */
  readonly maxMessageBytes?: number
  /** Closes the connection when aborted. */
  readonly signal?: AbortSignal
}

const encoder = new TextEncoder()

/**
 * Encodes one message as a line: compact JSON (which never contains a raw newline) plus `\n`.
 *
 * @example
 * encodeLine({ jsonrpc: '2.0', method: 'a' }) // bytes of '{"jsonrpc":"2.0","method":"a"}\n'
 */
export function encodeLine(message: OutboundMessage): Uint8Array {
  return encoder.encode(`${JSON.stringify(message)}\n`)
}

/**
 * Creates a connection that reads text lines from `readable` and writes messages as lines to
 * `writable`, one message per line. Reading is pulled: the byte stream is read only as fast as the
 * connection's reader consumes frames. The connection closes at the end of input, when either stream
 * fails, or when `signal` aborts.
 *
 * @example
 * const connection = createStreamConnection({ readable: child.stdout, writable: child.stdin })
 * const engine = createJsonRpcEngine({ connection })
 */
export function createStreamConnection(options: StreamConnectionOptions): Connection {
  const limit = checkLimit(
    'maxMessageBytes',
    options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    true,
  )
  const reader = options.readable.getReader()
  const writer = options.writable.getWriter()
  const decoder = new LineDecoder({ maxMessageBytes: limit })
  let ended = false

  const read = async (): Promise<InboundFrame | undefined> => {
    for (;;) {
      const frame = decoder.shift()
      if (frame !== undefined || ended) return frame
      const chunk = await reader.read()
      if (chunk.done) {
        ended = true
        decoder.end()
      } else {
        decoder.push(chunk.value)
      }
    }
  }

  const { connection } = createConnection({
    send: (message) => writer.write(encodeLine(message)),
    read,
    teardown: (reason) => release(reader, writer, reason),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  writer.closed.then(undefined, (error: unknown) => {
    void connection.close(new TransportError('The output stream failed', { cause: error }))
  })
  return connection
}

async function release(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  writer: WritableStreamDefaultWriter<Uint8Array>,
  reason: TransportError,
): Promise<void> {
  // Output already queued still flushes, then the stream closes; not awaited, so a peer that stopped
  // reading cannot make close() hang.
  writer.close().catch(ignore)
  await reader.cancel(reason).catch(ignore)
}

function ignore(): void {
  // Release is best effort: a stream that already failed or closed has nothing left to release.
}
