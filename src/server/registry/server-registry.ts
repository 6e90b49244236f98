/**
 * The server definition: what a server offers (tools, resources, templates, prompts, completions)
 * and how it answers every MCP method in both eras. One registry is shared by every session and
 * request of a server; transports (Streamable HTTP, stdio) build a {@link RequestScope} per request
 * and call {@link ServerRegistry.dispatch}.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import type { MaybePromise } from '../../core/maybe-promise.ts'
import { LOGGING_LEVELS } from '../../core/schemas/base.ts'
import { Dispatcher } from '../dispatch/dispatcher.ts'
import { type InitializeOutcome, initialize } from '../dispatch/initialize.ts'
import type { NotificationScope, RequestScope } from '../dispatch/scope.ts'
import { Catalog, type ServerDescription } from './catalog.ts'
import type { LoggingLevel } from './content-types.ts'
import type {
  CompletionHandler,
  PromptDefinition,
  PromptHandler,
  RegisteredItem,
  RegisteredPrompt,
  RegisteredResource,
  RegisteredResourceTemplate,
  RegisteredTool,
  ResourceDefinition,
  ResourceReader,
  ResourceTemplateDefinition,
  ToolArguments,
  ToolDefinition,
  ToolHandler,
  ToolSchema,
} from './definition-types.ts'
import type { ItemList } from './item-list.ts'
import { rankOf } from './log-message.ts'
import type { ListKind, ServerNotifier } from './notifier-hub.ts'
import { createPromptEntry } from './prompt-entry.ts'
import { createResourceEntry, createTemplateEntry } from './resource-entry.ts'
import { resolveServerOptions, type ServerOptions } from './server-options.ts'
import { createToolEntry } from './tool-entry.ts'

/** The `notifications` filter of `subscriptions/listen`. */
export interface SubscriptionFilter {
  readonly toolsListChanged?: boolean
  readonly promptsListChanged?: boolean
  readonly resourcesListChanged?: boolean
  readonly resourceSubscriptions?: readonly string[]
}

/** How {@link register} adds an item. */
interface Registration<TEntry, TDefinition, THandler> {
  readonly list: ItemList<TEntry>
  readonly key: string
  /** Prepares (and validates) an entry; throws a `ConfigError` for a bad definition. */
  readonly create: (definition: TDefinition, handler: THandler) => TEntry
  readonly definition: TDefinition
  readonly handler: THandler
}

/** Registers an item and returns its handle. */
function register<TEntry, TDefinition, THandler>(
  registration: Registration<TEntry, TDefinition, THandler>,
): RegisteredItem<TDefinition, THandler> {
  const { list, key, create } = registration
  let current = { definition: registration.definition, handler: registration.handler }
  let entry = create(current.definition, current.handler)
  list.add(key, entry)
  return {
    key,
    update(definition, handler) {
      current = { definition, handler: handler ?? current.handler }
      const next = create(current.definition, current.handler)
      if (list.get(key) !== entry) return
      entry = next
      list.replace(key, entry)
    },
    remove() {
      if (list.get(key) === entry) list.remove(key)
    },
  }
}

/**
 * A server definition shared by every session and transport.
 *
 * @example
 * const server = new ServerRegistry({ name: 'weather', version: '1.0.0' })
 * server.tool('forecast', { inputSchema: z.object({ city: z.string() }) }, async ({ city }, ctx) => {
 *   await ctx.progress(50, 100)
 *   return `Sunny in ${city}`
 * })
 */
export class ServerRegistry {
  readonly #catalog: Catalog
  readonly #dispatcher: Dispatcher

  constructor(options: ServerOptions) {
    this.#catalog = new Catalog(resolveServerOptions(options))
    this.#dispatcher = new Dispatcher(this.#catalog)
  }

  /** The revisions this server speaks, newest first (what `server/discover` lists). */
  get supportedVersions(): readonly ProtocolRevision[] {
    return this.#catalog.options.supportedVersions
  }

  /**
   * Registers a tool. Names are 1–128 characters of `[A-Za-z0-9_.-]`; `tools/list` lists tools in
   * registration order. Throws a `ConfigError` for a bad name, schema or a name already taken.
   */
  tool(name: string, handler: ToolHandler): RegisteredTool
  tool<TInput extends ToolSchema>(
    name: string,
    definition: ToolDefinition<TInput>,
    handler: ToolHandler<ToolArguments<TInput>>,
  ): RegisteredTool
  tool(
    name: string,
    definitionOrHandler: ToolDefinition | ToolHandler<never>,
    handler?: ToolHandler<never>,
  ): RegisteredTool {
    const [definition, run] =
      typeof definitionOrHandler === 'function'
        ? [{}, definitionOrHandler]
        : [definitionOrHandler, handler as ToolHandler<never>]
    return register({
      list: this.#catalog.tools,
      key: name,
      create: (d: ToolDefinition, h: ToolHandler<never>) => createToolEntry(name, d, h),
      definition,
      handler: run,
    }) as RegisteredTool
  }

  /** Registers a static resource at `uri`. */
  resource(uri: string, definition: ResourceDefinition, read: ResourceReader): RegisteredResource {
    return register({
      list: this.#catalog.resources,
      key: uri,
      create: (d: ResourceDefinition, h: ResourceReader) => createResourceEntry(uri, d, h),
      definition,
      handler: read,
    })
  }

  /**
   * Registers a resource template (RFC 6570 levels 1 and 2). A read of a URI that is no static
   * resource goes to the first template, in registration order, that matches it.
   */
  resourceTemplate(
    uriTemplate: string,
    definition: ResourceTemplateDefinition,
    read: ResourceReader,
  ): RegisteredResourceTemplate {
    return register({
      list: this.#catalog.templates,
      key: uriTemplate,
      create: (d: ResourceTemplateDefinition, h: ResourceReader) =>
        createTemplateEntry(uriTemplate, d, h),
      definition,
      handler: read,
    })
  }

  /** Registers a prompt. */
  prompt(name: string, definition: PromptDefinition, get: PromptHandler): RegisteredPrompt {
    return register({
      list: this.#catalog.prompts,
      key: name,
      create: (d: PromptDefinition, h: PromptHandler) => createPromptEntry(name, d, h),
      definition,
      handler: get,
    })
  }

  /**
   * Sets the completion handler for what no prompt argument or template variable completer covers
   * (and declares the `completions` capability). Returns a function that removes it.
   */
  completion(handler: CompletionHandler): () => void {
    this.#catalog.completionFallback = handler
    return () => {
      if (this.#catalog.completionFallback === handler) this.#catalog.completionFallback = undefined
    }
  }

  /** Subscribes a transport's notifier (several are allowed). Returns its detach function. */
  attachNotifier(notifier: ServerNotifier): () => void {
    return this.#catalog.hub.attach(notifier)
  }

  /** Tells subscribed clients that the resource at `uri` changed. */
  resourceUpdated(uri: string): void {
    this.#catalog.hub.resourceUpdated(uri)
  }

  /** Tells clients a list changed, for changes the registry cannot see (e.g. dynamic handlers). */
  listChanged(kind: ListKind): void {
    this.#catalog.hub.listChanged(kind)
  }

  /**
   * Sends a log message (`notifications/message`) outside any request: to every legacy session
   * (2025-11-25 and older) whose level, set with `logging/setLevel`, lets `level` through, on its
   * GET stream (or its 2024-11-05 SSE connection, or over stdio). A session that set no level gets
   * every message. 2026-07-28 clients get log messages only inside their own requests, so they get
   * none of these; nor does anyone when the server does not declare `logging`. Inside a handler,
   * use `ctx.log`, which reaches the client that made the request.
   *
   * @throws {ConfigError} for a level that is not one of RFC 5424's eight, or `data` that JSON
   * cannot carry (`undefined`, a function, a bigint, a cycle).
   * @example
   * server.log('warning', { message: 'disk almost full', freeBytes }, { logger: 'storage' })
   */
  log(level: LoggingLevel, data: unknown, options: { logger?: string | undefined } = {}): void {
    if (rankOf(level) < 0) {
      throw new ConfigError({
        option: 'level',
        value: level,
        message: `Unknown log level ${JSON.stringify(level)}: expected one of ${LOGGING_LEVELS.join(', ')}`,
      })
    }
    if (!isJsonSerializable(data)) {
      throw new ConfigError({
        option: 'data',
        value: data,
        message: 'Log data must be a JSON value (not undefined, a function, a bigint or a cycle)',
      })
    }
    this.#catalog.hub.log({ level, data, logger: options.logger })
  }

  /** serverInfo, capabilities and instructions of `revision`, for `initialize` and `server/discover`. */
  describe(revision: ProtocolRevision): ServerDescription {
    return this.#catalog.describe(revision)
  }

  /** `initialize`: negotiates the version and returns the result; `-32602` for bad params. */
  initialize(params: unknown): InitializeOutcome {
    return initialize(this.#catalog, params)
  }

  /** Serves one request of any method but `initialize` and `subscriptions/listen`. */
  dispatch(
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: RequestScope,
  ): Promise<Readonly<Record<string, unknown>>> {
    return this.#dispatcher.dispatch(method, params, scope)
  }

  /**
   * {@link ServerRegistry.dispatch} for transports that can take a result synchronously: a handler
   * that answers at once is answered without a promise; failures are thrown.
   *
   * @internal
   */
  dispatchNow(
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: RequestScope,
  ): MaybePromise<Readonly<Record<string, unknown>>> {
    return this.#dispatcher.dispatchNow(method, params, scope)
  }

  /** Hands a client notification to the `onNotification` option; never throws. */
  dispatchNotification(
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: NotificationScope,
  ): void {
    this.#dispatcher.dispatchNotification(method, params, scope)
  }

  /** Whether a client may send `method` in `revision` (requests the server serves, notifications). */
  hasMethod(method: string, revision: ProtocolRevision): boolean {
    return this.#dispatcher.hasMethod(method, revision)
  }

  /** The JSON input schema of a tool (for `Mcp-Param-*` header checks). */
  toolInputSchema(name: string): Readonly<Record<string, unknown>> | undefined {
    return this.#catalog.tools.get(name)?.input.json
  }

  /** The part of a `subscriptions/listen` filter this server can honour (for the acknowledgement). */
  listenFilter(requested: SubscriptionFilter): SubscriptionFilter {
    const { tools, prompts, resources } = this.#catalog.features()
    const honoured: {
      toolsListChanged?: boolean
      promptsListChanged?: boolean
      resourcesListChanged?: boolean
      resourceSubscriptions?: readonly string[]
    } = {}
    if (requested.toolsListChanged === true && tools?.listChanged) honoured.toolsListChanged = true
    if (requested.promptsListChanged === true && prompts?.listChanged) {
      honoured.promptsListChanged = true
    }
    if (requested.resourcesListChanged === true && resources?.listChanged) {
      honoured.resourcesListChanged = true
    }
    if (requested.resourceSubscriptions !== undefined && resources?.subscribe) {
      honoured.resourceSubscriptions = [...requested.resourceSubscriptions]
    }
    return honoured
  }
}

/** Whether `JSON.stringify` gives `value` a text (it throws on bigints and cycles). */
function isJsonSerializable(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined
  } catch {
    return false
  }
}
