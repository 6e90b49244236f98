/**
 * The public shape of a client: what `createClient` returns, the per-call options, and the session
 * it exposes. The same API in both eras and on every transport.
 */
import type { ProtocolEra } from '../core/eras/versions.ts'
import type { ReadonlySubscribable } from '../core/events/subscribable.ts'
import type { JsonRpcParams, ProgressParams } from '../core/protocol/messages.ts'
import type { ClientEvent, ClientTransportKind, NegotiationSource } from './client-events.ts'
import type {
  CallToolResult,
  CompleteResult,
  DiscoverResult,
  GetPromptResult,
  Implementation,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  Page,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ServerCapabilities,
  Tool,
} from './result-types.ts'
import type { ListenFilter, Subscription } from './subscription.ts'

/** Options of one call. Unset fields fall back to the client's configuration. */
export interface CallOptions {
  /** Cancels the call: legacy sends `notifications/cancelled`, modern HTTP closes the stream. */
  readonly signal?: AbortSignal | undefined
  /** Idle timeout of this call (reset by progress when `resetTimeoutOnProgress`). */
  readonly timeoutMs?: number | undefined
  /** Hard limit of this call, however much progress arrives. */
  readonly maxTotalTimeoutMs?: number | undefined
  /** Restart the idle timeout on each progress notification. */
  readonly resetTimeoutOnProgress?: boolean | undefined
  /** Receives `notifications/progress` of this call (adds a progress token). */
  readonly onProgress?: ((progress: ProgressParams) => void) | undefined
  /**
   * Modern cached results (`ttlMs`): `use` a fresh entry, `refresh` it from the server, or
   * `bypass` the cache entirely. @default 'use'
   */
  readonly cache?: 'use' | 'refresh' | 'bypass' | undefined
  /** Modern era: the log level of this call's `notifications/message`. */
  readonly logLevel?: string | undefined
}

/** A page request of the list methods. */
export interface PageParams {
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined
}

/** The client's view of the connection it negotiated. */
export interface ClientSession {
  readonly era: ProtocolEra
  /** The protocol version requests carry. */
  readonly protocolVersion: string
  readonly transport: ClientTransportKind
  /** How the era was decided. */
  readonly source: NegotiationSource
  /** Legacy Streamable HTTP: `Mcp-Session-Id`, when the server assigned one. */
  readonly sessionId: string | undefined
  readonly serverInfo: Implementation | undefined
  /** What the server declared; `undefined` for a pinned modern client that never probed. */
  readonly capabilities: ServerCapabilities | undefined
  readonly instructions: string | undefined
}

/** A notification from the server: list changes, resource updates, log messages, … */
export interface ServerNotification {
  readonly method: string
  readonly params: JsonRpcParams | undefined
}

/** Options of {@link McpClient.listen}. */
export interface ListenOptions {
  /** Receives this subscription's notifications (they also reach `client.notifications`). */
  readonly onNotification?: ((notification: ServerNotification) => void) | undefined
}

/** Arguments of `completion/complete`. */
export interface CompleteParams {
  readonly ref:
    | { readonly type: 'ref/prompt'; readonly name: string }
    | { readonly type: 'ref/resource'; readonly uri: string }
  readonly argument: { readonly name: string; readonly value: string }
  readonly context?: { readonly arguments?: Readonly<Record<string, string>> } | undefined
}

/**
 * A connected MCP client. Every method connects first when needed (negotiating the era), validates
 * the result against the negotiated revision's schema, and rejects with typed errors:
 * `ProtocolError` (the server's error), `TimeoutError`, `AbortError`, `TransportError`,
 * `HttpError`, `SessionError`, or `SchemaValidationError` (a malformed result).
 *
 * @example
 * const client = createClient({ url: 'https://example.com/mcp' })
 * const tools = await client.listAllTools()
 * const result = await client.callTool({ name: tools[0].name, arguments: {} })
 * await client.close()
 */
export interface McpClient {
  /** Negotiates and connects; idempotent. Later calls resolve with the same session. */
  connect(options?: { readonly signal?: AbortSignal }): Promise<ClientSession>
  /** The negotiated session, once connected. */
  readonly session: ClientSession | undefined
  /** Typed events for metrics and devtools. */
  readonly events: ReadonlySubscribable<ClientEvent>
  /** Server notifications, from any stream. */
  readonly notifications: ReadonlySubscribable<ServerNotification>

  listTools(params?: PageParams, options?: CallOptions): Promise<ListToolsResult>
  /** Every page of `tools/list`. */
  listAllTools(options?: CallOptions): Promise<Tool[]>
  callTool(
    params: {
      readonly name: string
      readonly arguments?: Readonly<Record<string, unknown>> | undefined
    },
    options?: CallOptions,
  ): Promise<CallToolResult>
  listResources(params?: PageParams, options?: CallOptions): Promise<ListResourcesResult>
  listAllResources(options?: CallOptions): Promise<Resource[]>
  listResourceTemplates(
    params?: PageParams,
    options?: CallOptions,
  ): Promise<ListResourceTemplatesResult>
  listAllResourceTemplates(options?: CallOptions): Promise<ResourceTemplate[]>
  readResource(params: { readonly uri: string }, options?: CallOptions): Promise<ReadResourceResult>
  listPrompts(params?: PageParams, options?: CallOptions): Promise<ListPromptsResult>
  listAllPrompts(options?: CallOptions): Promise<Prompt[]>
  getPrompt(
    params: {
      readonly name: string
      readonly arguments?: Readonly<Record<string, string>> | undefined
    },
    options?: CallOptions,
  ): Promise<GetPromptResult>
  complete(params: CompleteParams, options?: CallOptions): Promise<CompleteResult>
  /** Modern: `server/discover` (cached by its `ttlMs`). Legacy: rejects, there is none. */
  discover(options?: CallOptions): Promise<DiscoverResult>
  /** Legacy: `ping`. Modern (no ping): an uncached `server/discover`. */
  ping(options?: CallOptions): Promise<void>
  /** Legacy: `logging/setLevel`. Modern: the default `logLevel` of later requests. */
  setLoggingLevel(level: string, options?: CallOptions): Promise<void>
  /** Legacy: tells the server the roots changed (`notifications/roots/list_changed`). */
  notifyRootsChanged(): Promise<void>
  /**
   * Subscribes to list changes and resource updates: `subscriptions/listen` (modern, listened to
   * again when it drops) or `resources/subscribe` (legacy).
   */
  listen(filter: ListenFilter, options?: ListenOptions): Promise<Subscription>
  /**
   * Pages through a list method.
   *
   * @example
   * for await (const page of client.pages('tools/list')) console.log(page)
   */
  pages<TPage extends Page>(
    method: 'tools/list' | 'prompts/list' | 'resources/list' | 'resources/templates/list',
    options?: CallOptions,
  ): AsyncIterable<TPage>
  /** Sends any request and resolves with its (validated, when the revision defines it) result. */
  request(method: string, params?: JsonRpcParams, options?: CallOptions): Promise<unknown>
  /** Closes the connection (legacy HTTP: DELETE ends the session) and every subscription. */
  close(): Promise<void>
}
