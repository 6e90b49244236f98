/**
 * Options of `createClient`, their defaults, and their one-time validation.
 */
import {
  type ClientConfig,
  type ClientConfigInput,
  clientOptions,
  resolveClientConfig,
} from '../core/config/client-config.ts'
import { closestName } from '../core/config/closest-name.ts'
import type { Connection } from '../core/connection.ts'
import { defaultEnvironment, type Environment } from '../core/environment.ts'
import { ConfigError, optionError } from '../core/errors/config-error.ts'
import type { TransportEvent } from '../transports/streamable-http/index.ts'
import { defaultHttpSse, defaultHttpTransport } from './default-transports.ts'
import { type EraCache, sharedEraCache } from './era-cache.ts'
import type { HttpTransport } from './http-transport.ts'
import type { InputHandlers } from './input-types.ts'
import type { Implementation, JsonObject } from './result-types.ts'

/** What an HTTP transport factory receives. */
export interface HttpTransportSettings {
  readonly url: URL
  readonly fetch?: typeof fetch | undefined
  readonly headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>) | undefined
  readonly environment: Environment
  readonly reconnect: ClientConfig['reconnect']
  /** The client's `requestTimeoutMs`: no step of connecting should wait longer for an answer. */
  readonly requestTimeoutMs: number
  /** Receives the transport's events; the client re-emits them as `transport` events. */
  readonly onEvent?: ((event: TransportEvent) => void) | undefined
  /** Cancels connecting (HTTP+SSE waits for its `endpoint` event). */
  readonly signal?: AbortSignal | undefined
}

/** Builds the Streamable HTTP transport for a URL. */
export type HttpTransportFactory = (settings: HttpTransportSettings) => HttpTransport

/** Opens a 2024-11-05 HTTP+SSE connection (GET the stream, wait for `endpoint`). */
export type HttpSseConnector = (settings: HttpTransportSettings) => Promise<Connection>

/**
 * Options of `createClient`: where the server is, plus the client settings of `ClientConfigInput`
 * (timeouts, `protocolVersion` to pin, `maxInputRounds`, `reconnect`, `name`, `version`).
 *
 * @example
 * const client = createClient({ url: 'https://example.com/mcp', requestTimeoutMs: 30_000 })
 * const pinned = createClient({ url, protocolVersion: '2026-07-28' }) // modern, no probe
 * const local = createClient({ connection: stdioConnection })       // stdio, in-memory, …
 */
export interface ClientOptions extends ClientConfigInput {
  /** The server's Streamable HTTP endpoint. Exactly one of `url` and `connection` is required. */
  readonly url?: string | URL | undefined
  /** An open connection to the server (stdio, in-memory, WebSocket, …). */
  readonly connection?: Connection | undefined
  /**
   * For `url`: `streamable-http` negotiates (modern, then legacy, then HTTP+SSE); `http+sse` goes
   * straight to the 2024-11-05 transport. @default 'streamable-http'
   */
  readonly transport?: 'streamable-http' | 'http+sse' | undefined
  /** The `fetch` HTTP goes through (auth, logging, tests). @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined
  /** Headers for every HTTP request, or a function computing them (e.g. a fresh token). */
  readonly headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>) | undefined
  /** Answers to what the server may ask for; each one declares its capability. */
  readonly handlers?: InputHandlers | undefined
  /** Capabilities to declare beside the handlers' (they win), e.g. `experimental`, `extensions`. */
  readonly capabilities?: JsonObject | undefined
  /** `clientInfo` fields beside `name` and `version` (`title`, `description`, `websiteUrl`, …). */
  readonly clientInfo?: Partial<Implementation> | undefined
  /** Clock and timers. @default defaultEnvironment */
  readonly environment?: Environment | undefined
  /** Where negotiation outcomes are remembered per endpoint; `false` disables it. @default shared */
  readonly eraCache?: EraCache | false | undefined
  /** Cache modern results by their `ttlMs`. @default true */
  readonly cache?: boolean | undefined
  /** Builds the Streamable HTTP transport. @default the mcpkit transport */
  readonly createHttpTransport?: HttpTransportFactory | undefined
  /** Opens the 2024-11-05 HTTP+SSE transport. @default the mcpkit transport */
  readonly connectHttpSse?: HttpSseConnector | undefined
}

/** Where the client connects. */
export type ClientTarget =
  | { readonly kind: 'http'; readonly url: URL; readonly transport: 'streamable-http' | 'http+sse' }
  | { readonly kind: 'connection'; readonly connection: Connection }

/** {@link ClientOptions} after defaults and validation. */
export interface ResolvedClientOptions {
  readonly config: ClientConfig
  readonly target: ClientTarget
  readonly fetch: typeof fetch | undefined
  readonly headers: ClientOptions['headers']
  readonly handlers: InputHandlers
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
  readonly environment: Environment
  readonly eraCache: EraCache | undefined
  readonly cache: boolean
  readonly createHttpTransport: HttpTransportFactory
  readonly connectHttpSse: HttpSseConnector
}

/**
 * Applies defaults and validates once.
 *
 * @throws {ConfigError} naming the option and the refused value.
 */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  checkKnownOptions(options)
  const config = resolveClientConfig(configInput(options))
  const target = resolveTarget(options)
  for (const name of ['elicitation', 'sampling', 'roots'] as const) {
    checkFunction(`handlers.${name}`, options.handlers?.[name])
  }
  for (const name of ['fetch', 'createHttpTransport', 'connectHttpSse'] as const) {
    checkFunction(name, options[name])
  }
  return {
    config,
    target,
    fetch: options.fetch,
    headers: options.headers,
    handlers: options.handlers ?? {},
    capabilities: options.capabilities ?? {},
    clientInfo: { ...options.clientInfo, name: config.name, version: config.version },
    environment: options.environment ?? defaultEnvironment,
    eraCache: options.eraCache === false ? undefined : (options.eraCache ?? sharedEraCache),
    cache: options.cache ?? true,
    createHttpTransport: options.createHttpTransport ?? defaultHttpTransport,
    connectHttpSse: options.connectHttpSse ?? defaultHttpSse,
  }
}

/** The `ClientConfigInput` keys, in the order the core client section lists them. */
const CONFIG_KEYS = Object.keys(clientOptions.fields) as (keyof ClientConfigInput)[]

const OWN_KEYS = [
  'url',
  'connection',
  'transport',
  'fetch',
  'headers',
  'handlers',
  'capabilities',
  'clientInfo',
  'environment',
  'eraCache',
  'cache',
  'createHttpTransport',
  'connectHttpSse',
] as const satisfies readonly (keyof ClientOptions)[]

const KNOWN_KEYS: readonly string[] = [...CONFIG_KEYS, ...OWN_KEYS]

/** A misspelt option fails loudly rather than being ignored. */
function checkKnownOptions(options: ClientOptions): void {
  for (const key of Object.keys(options)) {
    if (KNOWN_KEYS.includes(key)) continue
    const guess = closestName(key, KNOWN_KEYS)
    throw new ConfigError({
      option: key,
      value: (options as Record<string, unknown>)[key],
      message: `Unknown client option \`${key}\`${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}`,
    })
  }
}

function configInput(options: ClientOptions): ClientConfigInput {
  const input: Record<string, unknown> = {}
  for (const key of CONFIG_KEYS) if (options[key] !== undefined) input[key] = options[key]
  return input as ClientConfigInput
}

function resolveTarget(options: ClientOptions): ClientTarget {
  const { url, connection } = options
  if ((url === undefined) === (connection === undefined)) {
    throw optionError('url', url, 'set, or `connection` set, but not both')
  }
  if (connection !== undefined) {
    // Checked here in full: the client's engine trusts the options it is given.
    const readable = connection.readable as Partial<ReadableStream> | undefined
    if (typeof connection.send !== 'function' || typeof readable?.getReader !== 'function') {
      throw optionError('connection', connection, 'a Connection')
    }
    return { kind: 'connection', connection }
  }
  let parsed: URL | undefined
  try {
    parsed = new URL(String(url))
  } catch {
    // Refused just below, like a URL of another scheme.
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw optionError('url', url, 'an absolute http(s) URL')
  }
  const transport = options.transport ?? 'streamable-http'
  if (transport !== 'streamable-http' && transport !== 'http+sse') {
    throw optionError('transport', transport, "'streamable-http' or 'http+sse'")
  }
  return { kind: 'http', url: parsed, transport }
}

function checkFunction(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function')
    throw optionError(option, value, 'a function')
}
