/**
 * The transports a client uses unless told otherwise: mcpkit's fetch-based Streamable HTTP
 * transport and its 2024-11-05 HTTP+SSE connection. Each takes the settings it understands.
 *
 * @internal
 */
import {
  connectLegacySse,
  createStreamableHttpTransport,
} from '../transports/streamable-http/index.ts'
import { DEFAULT_ENDPOINT_TIMEOUT_MS } from '../transports/streamable-http/legacy-sse.ts'
import type { HttpSseConnector, HttpTransportFactory } from './client-options.ts'

/** Builds the Streamable HTTP transport from the client's settings (nothing to cancel there). */
export const defaultHttpTransport: HttpTransportFactory = ({
  signal: _signal,
  requestTimeoutMs: _timeout,
  ...settings
}) => createStreamableHttpTransport(settings)

/**
 * Opens the 2024-11-05 HTTP+SSE connection from the client's settings (it never reconnects). A
 * server that opens the stream but never names its endpoint is given up on after the client's
 * `requestTimeoutMs`, or the transport's 10 s if that is shorter.
 */
export const defaultHttpSse: HttpSseConnector = ({
  reconnect: _reconnect,
  requestTimeoutMs,
  ...settings
}) =>
  connectLegacySse({
    ...settings,
    endpointTimeoutMs: Math.min(requestTimeoutMs, DEFAULT_ENDPOINT_TIMEOUT_MS),
  })
