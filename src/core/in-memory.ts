/**
 * Two linked in-memory connections: what one sends, the other receives. For tests and for running a
 * client and a server in the same process without any I/O.
 */
import { type Connection, type ConnectionDriver, createConnection } from './connection.ts'
import { ConfigError } from './errors/config-error.ts'
import { connectionClosedError, type TransportError } from './errors/transport-error.ts'
import type { OutboundMessage } from './protocol/messages.ts'

/** Options of {@link createInMemoryPair}. */
export interface InMemoryPairOptions {
  /**
   * How messages cross over.
   * - `value`: the receiver gets the very object that was sent (`value` frames). Fastest; treat sent
   *   messages as immutable.
   * - `text`: messages are serialised with `JSON.stringify` and arrive as `text` frames, exactly like a
   *   real transport's, so size limits and parse errors apply.
   *
   * @default 'value'
   */
  readonly encoding?: 'value' | 'text'
  /** Closes both ends when aborted. */
  readonly signal?: AbortSignal
}

/**
 * Creates two linked connections. Closing either end closes both; the other end still delivers the
 * frames it had already received, then ends.
 *
 * @example
 * const [clientSide, serverSide] = createInMemoryPair()
 * const server = createJsonRpcEngine({ connection: serverSide, onRequest: () => ({}) })
 * const client = createJsonRpcEngine({ connection: clientSide })
 * await client.request('ping')
 */
export function createInMemoryPair(
  options: InMemoryPairOptions = {},
): readonly [Connection, Connection] {
  const encoding = options.encoding ?? 'value'
  if (encoding !== 'value' && encoding !== 'text') {
    throw new ConfigError({
      option: 'encoding',
      value: encoding,
      message: `The \`encoding\` option must be 'value' or 'text', got ${String(encoding)}`,
    })
  }
  const ends: ConnectionDriver[] = []
  const peerOf = (index: number): ConnectionDriver | undefined => ends[1 - index]
  const makeEnd = (index: number): ConnectionDriver =>
    createConnection({
      send: (message) => peerOf(index)?.deliver(encode(message, encoding)),
      teardown: () => void peerOf(index)?.connection.close(peerClosed()),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  ends.push(makeEnd(0), makeEnd(1))
  const [left, right] = ends as [ConnectionDriver, ConnectionDriver]
  return [left.connection, right.connection]
}

function encode(message: OutboundMessage, encoding: 'value' | 'text') {
  if (encoding === 'value') return { type: 'value', value: message } as const
  const text = JSON.stringify(message)
  if (typeof text !== 'string') throw new TypeError('The message is not JSON-serialisable')
  return { type: 'text', text } as const
}

function peerClosed(): TransportError {
  return connectionClosedError('The peer closed the connection')
}
