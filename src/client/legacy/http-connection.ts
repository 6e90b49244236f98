/**
 * A `Connection` over legacy Streamable HTTP (2025-03-26 … 2025-11-25), so the core JSON-RPC engine
 * can run a legacy session unchanged: each outgoing message is a POST carrying the session headers,
 * whatever the server answers on it (JSON or an SSE stream, resumed by the transport) is delivered
 * as incoming frames, and the GET stream adds the server's own requests and notifications.
 *
 * @internal
 */
import { type Connection, createConnection } from '../../core/connection.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import { classifyMessage } from '../../core/protocol/classify.ts'
import type { JsonRpcId, OutboundMessage } from '../../core/protocol/messages.ts'
import type { HttpTransport } from '../http-transport.ts'

/** The session facts every request carries once `initialize` succeeded. */
export interface LegacySessionState {
  /** `Mcp-Session-Id`, when the server assigned one. */
  sessionId: string | undefined
  /** The negotiated version for `MCP-Protocol-Version`; unset until `initialize` answered. */
  protocolVersion: string | undefined
  /**
   * `initialize` was answered from another origin (CORS), so a missing `Mcp-Session-Id` may be one
   * the server did not expose rather than none at all.
   */
  crossOrigin?: boolean
}

/** The headers of a request in this session (none on `initialize`). */
export function sessionHeaders(state: LegacySessionState): Record<string, string> {
  const headers: Record<string, string> = {}
  if (state.sessionId !== undefined) headers['Mcp-Session-Id'] = state.sessionId
  if (state.protocolVersion !== undefined) headers['MCP-Protocol-Version'] = state.protocolVersion
  return headers
}

/** A legacy HTTP connection and its GET stream. */
export interface LegacyHttpConnection {
  readonly connection: Connection
  /**
   * Opens the GET stream for server-initiated messages, with the session's current headers; runs
   * until the connection closes. Opening again (after a new session started) replaces the old one.
   */
  openGetStream(onFailure: (error: unknown) => void): void
}

/**
 * Builds the connection. A request's `send` settles only when its POST stream has delivered the
 * response (rejecting when the stream ended without it), so the engine fails a lost request at once
 * instead of at its timeout.
 */
export function createLegacyHttpConnection(
  transport: HttpTransport,
  state: LegacySessionState,
): LegacyHttpConnection {
  const streams = new Map<JsonRpcId, AbortController>()
  const closing = new AbortController()
  let getStream: AbortController | undefined
  // `createConnection` returns `deliver` as a plain function, safe to pass around.
  const { connection, deliver } = createConnection({
    send: (message) => post(message),
    teardown: () => {
      closing.abort()
      for (const controller of streams.values()) controller.abort()
    },
  })

  const post = async (message: OutboundMessage): Promise<void> => {
    if (classifyMessage(message) !== 'request') {
      cancelStreamOf(message, streams)
      const posted = await transport.post(message, { headers: sessionHeaders(state) })
      await deliverAll(posted.messages, deliver)
      return
    }
    const request = message as { id: JsonRpcId; method: string }
    const controller = new AbortController()
    streams.set(request.id, controller)
    try {
      const headers = request.method === 'initialize' ? {} : sessionHeaders(state)
      const posted = await transport.post(message, {
        headers,
        signal: controller.signal,
        resumable: true,
      })
      if (request.method === 'initialize') {
        state.sessionId = posted.headers.get('mcp-session-id') ?? undefined
        state.crossOrigin = posted.crossOrigin === true
      }
      const answered = await deliverUntil(posted.messages, request.id, deliver)
      if (!answered && !controller.signal.aborted) {
        throw new TransportError(
          `The response stream of ${request.method} ended without a response`,
        )
      }
    } finally {
      streams.delete(request.id)
    }
  }

  return {
    connection,
    openGetStream(onFailure) {
      getStream?.abort()
      const controller = new AbortController()
      getStream = controller
      const signal = AbortSignal.any([closing.signal, controller.signal])
      transport
        .openGetStream({
          headers: sessionHeaders(state),
          signal,
          onMessage: (message) => deliver(frameOf(message)),
        })
        .then(undefined, (error: unknown) => {
          if (!signal.aborted) onFailure(error)
        })
    },
  }
}

/** After `notifications/cancelled`, stop reading the cancelled request's stream. */
function cancelStreamOf(message: OutboundMessage, streams: Map<JsonRpcId, AbortController>): void {
  const { method, params } = message as { method?: unknown; params?: { requestId?: unknown } }
  if (method !== 'notifications/cancelled') return
  const id = params?.requestId
  if (typeof id === 'string' || typeof id === 'number') streams.get(id)?.abort()
}

type Deliver = (frame: ReturnType<typeof frameOf>) => void

function frameOf(message: unknown) {
  return typeof message === 'string'
    ? ({ type: 'text', text: message } as const)
    : ({ type: 'value', value: message } as const)
}

async function deliverAll(messages: AsyncIterable<unknown>, deliver: Deliver): Promise<void> {
  for await (const message of messages) deliver(frameOf(message))
}

/** Delivers messages until the response to `id`; `false` when the stream ended without it. */
async function deliverUntil(
  messages: AsyncIterable<unknown>,
  id: JsonRpcId,
  deliver: Deliver,
): Promise<boolean> {
  try {
    for await (const message of messages) {
      deliver(frameOf(message))
      const kind = classifyMessage(message)
      if ((kind === 'result' || kind === 'error') && (message as { id?: unknown }).id === id) {
        return true
      }
    }
  } catch (error) {
    throw new TransportError('The response stream broke', { cause: error })
  }
  return false
}
