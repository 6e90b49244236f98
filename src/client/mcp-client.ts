/**
 * `createClient`: the dual-era MCP client. It negotiates on first use, then runs every call through
 * one pipeline whatever the era and transport.
 */
import { AbortError } from '../core/errors/abort-error.ts'
import { McpkitError } from '../core/errors/base.ts'
import { ErrorCode, JsonRpcErrorCode } from '../core/errors/codes.ts'
import { isProtocolError } from '../core/errors/guards.ts'
import { Subscribable } from '../core/events/subscribable.ts'
import type { JsonRpcNotification, JsonRpcParams } from '../core/protocol/messages.ts'
import { CallRunner } from './call-runner.ts'
import type {
  CallOptions,
  ClientSession,
  CompleteParams,
  ListenOptions,
  McpClient,
  PageParams,
  ServerNotification,
} from './client-api.ts'
import { ClientConnection } from './client-connection.ts'
import type { ClientEvent } from './client-events.ts'
import {
  type ClientOptions,
  type ResolvedClientOptions,
  resolveClientOptions,
} from './client-options.ts'
import { ToolIndex } from './modern/tool-index.ts'
import { collectAll, paginate } from './pagination.ts'
import { ResponseCache } from './response-cache.ts'
import type {
  CallToolResult,
  CompleteResult,
  DiscoverResult,
  GetPromptResult,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  Page,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from './result-types.ts'
import {
  type ListenFilter,
  matchesFilter,
  type Subscription,
  startLegacyListen,
  startModernListen,
} from './subscription.ts'
import type { Wire } from './wire.ts'

/**
 * Creates a client. Nothing is sent until the first call (or `connect()`): then the era is
 * negotiated, unless `protocolVersion` pins it.
 *
 * @example
 * const client = createClient({
 *   url: 'https://example.com/mcp',
 *   handlers: { elicitation: async (params) => ({ action: 'accept', content: await ask(params) }) },
 * })
 * const { content } = await client.callTool({ name: 'search', arguments: { query: 'mcp' } })
 */
export function createClient(options: ClientOptions): McpClient {
  return new Client(resolveClientOptions(options))
}

class Client implements McpClient {
  readonly events = new Subscribable<ClientEvent>()
  readonly notifications = new Subscribable<ServerNotification>()
  readonly #options: ResolvedClientOptions
  readonly #cache: ResponseCache | undefined
  readonly #tools = new ToolIndex()
  readonly #closing = new AbortController()
  readonly #subscriptions = new Set<Subscription>()
  readonly #runner: CallRunner
  readonly #connection: ClientConnection
  #logLevel: string | undefined

  constructor(options: ResolvedClientOptions) {
    this.#options = options
    this.#cache = options.cache ? new ResponseCache(options.environment) : undefined
    this.#runner = new CallRunner({
      ...options,
      cache: this.#cache,
      closing: this.#closing.signal,
      emit: this.#emit,
      observed: () => this.events.hasListeners,
      logLevel: () => this.#logLevel,
    })
    this.#connection = new ClientConnection(options, {
      emit: this.#emit,
      onNotification: (notification) => this.#onNotification(notification),
      closing: this.#closing.signal,
    })
  }

  get session(): ClientSession | undefined {
    return this.#connection.session
  }

  async connect(options: { readonly signal?: AbortSignal } = {}): Promise<ClientSession> {
    await this.#connection.wire(options.signal)
    return this.session as ClientSession
  }

  async listTools(params: PageParams = {}, options: CallOptions = {}): Promise<ListToolsResult> {
    const wire = await this.#wire(options.signal)
    const page = (await this.#runner.run({
      wire,
      method: 'tools/list',
      params: pageParams(params),
      options,
    })) as ListToolsResult
    if (!filtersToolHeaders(wire)) return page
    const filtered = this.#tools.filterPage(page, page.nextCursor === undefined)
    for (const { name, reason } of filtered.dropped)
      this.#emit({ type: 'tool:dropped', name, reason })
    return filtered.page
  }

  listAllTools(options: CallOptions = {}): Promise<Tool[]> {
    return collectAll(this.pages<ListToolsResult>('tools/list', options), (page) => page.tools)
  }

  async callTool(
    params: {
      readonly name: string
      readonly arguments?: Readonly<Record<string, unknown>> | undefined
    },
    options: CallOptions = {},
  ): Promise<CallToolResult> {
    const wire = await this.#wire(options.signal)
    const call = (headers?: Readonly<Record<string, string>>) =>
      this.#runner.run({ wire, method: 'tools/call', params, options, headers })
    if (!filtersToolHeaders(wire)) return (await call()) as CallToolResult
    if (!this.#tools.complete) await this.#learnTools(options.signal)
    try {
      return (await call(this.#tools.headersFor(params.name, params.arguments))) as CallToolResult
    } catch (error) {
      if (!isProtocolError(error) || error.code !== JsonRpcErrorCode.HeaderMismatch) throw error
    }
    // SEP-2243: a header mismatch may mean the tool's schema changed; re-list, then retry once.
    this.#emit({ type: 'request:retried', method: 'tools/call', reason: 'header-mismatch' })
    this.#tools.invalidate()
    await this.#learnTools(options.signal)
    return (await call(this.#tools.headersFor(params.name, params.arguments))) as CallToolResult
  }

  listResources(params: PageParams = {}, options: CallOptions = {}): Promise<ListResourcesResult> {
    return this.#call('resources/list', pageParams(params), options)
  }

  listAllResources(options: CallOptions = {}): Promise<Resource[]> {
    return collectAll(
      this.pages<ListResourcesResult>('resources/list', options),
      (page) => page.resources,
    )
  }

  listResourceTemplates(
    params: PageParams = {},
    options: CallOptions = {},
  ): Promise<ListResourceTemplatesResult> {
    return this.#call('resources/templates/list', pageParams(params), options)
  }

  listAllResourceTemplates(options: CallOptions = {}): Promise<ResourceTemplate[]> {
    return collectAll(
      this.pages<ListResourceTemplatesResult>('resources/templates/list', options),
      (page) => page.resourceTemplates,
    )
  }

  readResource(
    params: { readonly uri: string },
    options: CallOptions = {},
  ): Promise<ReadResourceResult> {
    return this.#call('resources/read', params, options)
  }

  listPrompts(params: PageParams = {}, options: CallOptions = {}): Promise<ListPromptsResult> {
    return this.#call('prompts/list', pageParams(params), options)
  }

  listAllPrompts(options: CallOptions = {}): Promise<Prompt[]> {
    return collectAll(
      this.pages<ListPromptsResult>('prompts/list', options),
      (page) => page.prompts,
    )
  }

  getPrompt(
    params: {
      readonly name: string
      readonly arguments?: Readonly<Record<string, string>> | undefined
    },
    options: CallOptions = {},
  ): Promise<GetPromptResult> {
    return this.#call('prompts/get', params, options)
  }

  complete(params: CompleteParams, options: CallOptions = {}): Promise<CompleteResult> {
    return this.#call('completion/complete', params as unknown as JsonRpcParams, options)
  }

  async discover(options: CallOptions = {}): Promise<DiscoverResult> {
    const wire = await this.#wire(options.signal)
    if (wire.era !== 'modern') throw notInEra('server/discover', 'legacy')
    return (await this.#runner.run({ wire, method: 'server/discover', options })) as DiscoverResult
  }

  async ping(options: CallOptions = {}): Promise<void> {
    const wire = await this.#wire(options.signal)
    // Modern servers have no `ping`: a fresh `server/discover` proves they answer.
    await this.#runner.run(
      wire.era === 'modern'
        ? { wire, method: 'server/discover', options: { ...options, cache: 'bypass' } }
        : { wire, method: 'ping', options },
    )
  }

  async setLoggingLevel(level: string, options: CallOptions = {}): Promise<void> {
    const wire = await this.#wire(options.signal)
    if (wire.era === 'modern') this.#logLevel = level
    else await this.#runner.run({ wire, method: 'logging/setLevel', params: { level }, options })
  }

  async notifyRootsChanged(): Promise<void> {
    const method = 'notifications/roots/list_changed'
    const wire = await this.#wire(undefined)
    if (wire.era === 'modern') throw notInEra(method, 'modern')
    await wire.notify?.(method)
  }

  async listen(filter: ListenFilter, options: ListenOptions = {}): Promise<Subscription> {
    const wire = await this.#wire(undefined)
    const own = options.onNotification
    let subscription: Subscription
    if (wire.era === 'modern') {
      subscription = startModernListen({
        wire,
        filter,
        reconnect: this.#options.config.reconnect,
        environment: this.#options.environment,
        emit: this.#emit,
        onNotification: (notification) => {
          this.#onNotification(notification)
          own?.(toServerNotification(notification))
        },
      })
    } else {
      const stop =
        own === undefined
          ? undefined
          : this.notifications.subscribe((n) => {
              if (matchesFilter(n, filter)) own(n)
            })
      subscription = startLegacyListen({
        filter,
        call: (method, uri) => this.#runner.run({ wire, method, params: { uri }, options: {} }),
      })
      void subscription.ended.then(() => stop?.())
    }
    this.#subscriptions.add(subscription)
    void subscription.ended.then(() => this.#subscriptions.delete(subscription))
    return subscription
  }

  pages<TPage extends Page>(
    method: 'tools/list' | 'prompts/list' | 'resources/list' | 'resources/templates/list',
    options: CallOptions = {},
  ): AsyncIterable<TPage> {
    const fetchPage = (cursor: string | undefined): Promise<TPage> =>
      method === 'tools/list'
        ? (this.listTools({ cursor }, options) as Promise<unknown> as Promise<TPage>)
        : this.#call(method, pageParams({ cursor }), options)
    return paginate(method, fetchPage)
  }

  request(method: string, params?: JsonRpcParams, options: CallOptions = {}): Promise<unknown> {
    return this.#call(method, params, options)
  }

  async close(): Promise<void> {
    if (this.#closing.signal.aborted) return
    this.#closing.abort(new AbortError({ operation: 'request', reason: 'the client closed' }))
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()))
    await this.#connection.close()
    this.#emit({ type: 'client:closed' })
  }

  /**
   * Lists the tools to learn their `x-mcp-header` bindings. Best effort: a server that cannot list
   * its tools still gets the call, without `Mcp-Param-*` headers, and is not asked again until its
   * tool list changes.
   */
  async #learnTools(signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.listAllTools({ signal, cache: 'refresh' })
    } catch (error) {
      if (signal?.aborted || this.#closing.signal.aborted) throw error
      this.#tools.markListed()
    }
  }

  /** One request on the current wire; the result is validated by the runner, typed here. */
  async #call<TResult>(
    method: string,
    params: JsonRpcParams | undefined,
    options: CallOptions,
  ): Promise<TResult> {
    const wire = await this.#wire(options.signal)
    return (await this.#runner.run({ wire, method, params, options })) as TResult
  }

  #wire(signal: AbortSignal | undefined): Promise<Wire> {
    return this.#connection.wire(signal)
  }

  #onNotification(notification: JsonRpcNotification): void {
    const dropped = this.#cache?.invalidate(notification.method, notification.params) ?? []
    if (notification.method === 'notifications/tools/list_changed') this.#tools.invalidate()
    if (dropped.length > 0) this.#emit({ type: 'cache:invalidated', methods: dropped })
    this.notifications.emit(toServerNotification(notification))
  }

  /** Bound, so the runner, the connection and subscriptions can report through it. */
  readonly #emit = (event: ClientEvent): void => this.events.emit(event)
}

/** Modern HTTP is where `x-mcp-header` applies; other transports MAY ignore it. */
function filtersToolHeaders(wire: Wire): boolean {
  return wire.era === 'modern' && wire.transport === 'streamable-http'
}

function pageParams(params: PageParams): JsonRpcParams | undefined {
  return params.cursor === undefined ? undefined : { cursor: params.cursor }
}

function toServerNotification(notification: JsonRpcNotification): ServerNotification {
  return { method: notification.method, params: notification.params }
}

function notInEra(method: string, era: string): McpkitError {
  return new McpkitError(ErrorCode.Protocol, `${method} does not exist in the ${era} era`)
}
