/**
 * The transports a client uses unless told otherwise: mcpkit's fetch-based Streamable HTTP
 * transport and its 2024-11-05 HTTP+SSE connection.
 *
 * @internal
 */
import {
  connectLegacySse,
  createStreamableHttpTransport,
} from '../transports/streamable-http/index.ts'
import type { HttpSseConnector, HttpTransportFactory } from './client-options.ts'

/** Builds the Streamable HTTP transport from the client's settings. */
export const defaultHttpTransport: HttpTransportFactory = (settings) =>
  createStreamableHttpTransport({
    url: settings.url,
    fetch: settings.fetch,
    headers: settings.headers,
    environment: settings.environment,
    reconnect: settings.reconnect,
    onEvent: settings.onEvent,
  })

/** Opens the 2024-11-05 HTTP+SSE connection from the client's settings. */
export const defaultHttpSse: HttpSseConnector = (settings) =>
  connectLegacySse({
    url: settings.url,
    fetch: settings.fetch,
    headers: settings.headers,
    environment: settings.environment,
    onEvent: settings.onEvent,
    signal: settings.signal,
  })
