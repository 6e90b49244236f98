/**
 * @module
 * Streamable HTTP client transports built on `fetch`: the transport for both protocol eras (JSON and
 * SSE answers, legacy resumption with `Last-Event-ID`, the legacy GET stream), the 2024-11-05
 * HTTP+SSE transport as a `Connection`, and the pure reconnection policy they share.
 *
 * @example
 * import { createStreamableHttpTransport } from 'mcpkit/transports/streamable-http'
 *
 * const transport = createStreamableHttpTransport({ url: 'http://127.0.0.1:3000/mcp' })
 * const { messages } = await transport.post({ jsonrpc: '2.0', id: 1, method: 'ping' })
 * for await (const message of messages) console.log(message)
 */
export { createStreamableHttpTransport } from './client-transport.ts'
export { connectLegacySse, type LegacySseOptions } from './legacy-sse.ts'
export { isJsonMediaType, mediaTypeOf } from './media-type.ts'
export type {
  GetStreamOptions,
  HeadersOption,
  PostOptions,
  PostResult,
  StreamableHttpTransport,
  StreamableHttpTransportOptions,
} from './options.ts'
export {
  advanceStream,
  backoffDelayMs,
  initialStreamStatus,
  isFinalState,
  reconnectDelayMs,
  resolveReconnectOptions,
  type StreamSignal,
  type StreamState,
  type StreamStatus,
} from './reconnect.ts'
export { type ReadSseOptions, readSse, type SseItem } from './sse-reader.ts'
export type { StreamKind, TransportEvent } from './transport-events.ts'
