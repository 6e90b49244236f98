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
import type { HttpSseConnector, HttpTransportFactory } from './client-options.ts'

/** Builds the Streamable HTTP transport from the client's settings (nothing to cancel there). */
export const defaultHttpTransport: HttpTransportFactory = ({ signal: _unused, ...settings }) =>
  createStreamableHttpTransport(settings)

/** Opens the 2024-11-05 HTTP+SSE connection from the client's settings (it never reconnects). */
export const defaultHttpSse: HttpSseConnector = ({ reconnect: _unused, ...settings }) =>
  connectLegacySse(settings)
