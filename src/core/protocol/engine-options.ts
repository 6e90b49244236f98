/**
 * Options of {@link createJsonRpcEngine}, their defaults, and their one-time validation.
 */
import type { Connection } from '../connection.ts'
import { defaultEnvironment, type Environment } from '../environment.ts'
import { type ConfigError, optionError } from '../errors/config-error.ts'
import { checkLimit, checkTimeout, DEFAULT_MAX_MESSAGE_BYTES } from './limits.ts'
import type { NotificationHandler, RequestHandler } from './request-context.ts'

/** Options of `createJsonRpcEngine`. */
export interface JsonRpcEngineOptions {
  /** The transport. The engine owns it from now on: closing the engine closes it. */
  readonly connection: Connection
  /**
   * Answers incoming requests. Without it every request gets `-32601` (a pure client that serves
   * nothing).
   */
  readonly onRequest?: RequestHandler
  /**
   * Receives incoming notifications, including `notifications/cancelled` (after the engine acted on
   * it). `notifications/progress` is routed to the request it belongs to instead.
   */
  readonly onNotification?: NotificationHandler
  /** Clock and timers. @default defaultEnvironment */
  readonly environment?: Environment
  /**
   * Whether incoming JSON arrays (batches) are processed. Only 2025-03-26 allows them; otherwise a
   * batch is answered with one `-32600`. @default 'reject'
   */
  readonly batches?: 'reject' | 'accept'
  /**
   * Largest incoming message in bytes, checked on text and bytes frames before parsing. Larger ones
   * are answered `-32600`. `Infinity` disables the check. @default 16 MiB
   */
  readonly maxMessageBytes?: number
  /**
   * Send `notifications/cancelled` when an outgoing request is aborted or times out. The era decides:
   * legacy revisions and modern stdio cancel this way, modern HTTP cancels by closing the stream.
   * @default true
   */
  readonly sendCancelled?: boolean
  /**
   * Idle timeout of outgoing requests: the time allowed for the response, or (with
   * `resetTimeoutOnProgress`) between progress notifications. `Infinity` disables it. @default 60000
   */
  readonly defaultTimeoutMs?: number
  /**
   * Hard limit on an outgoing request's total time, however much progress arrives. `Infinity` disables
   * it. @default 600000
   */
  readonly maxTotalTimeoutMs?: number
  /**
   * How an error response answers a message whose id could not be read (parse errors, unreadable ids,
   * rejected batches, oversized messages): `null`, as JSON-RPC 2.0 says, or `omit`, as the MCP schemas
   * of 2025-11-25 and 2026-07-28 require (their `id` is optional and never null, and conformance
   * validates every sent message against them). The era layer should pick `omit` for those revisions.
   * @default 'null'
   */
  readonly unreadableId?: 'null' | 'omit'
  /** Closes the engine when aborted. */
  readonly signal?: AbortSignal
}

/** {@link JsonRpcEngineOptions} with every default applied. @internal */
export interface ResolvedEngineOptions {
  readonly connection: Connection
  readonly onRequest: RequestHandler | undefined
  readonly onNotification: NotificationHandler | undefined
  readonly environment: Environment
  readonly batches: 'reject' | 'accept'
  readonly maxMessageBytes: number
  readonly sendCancelled: boolean
  readonly defaultTimeoutMs: number
  readonly maxTotalTimeoutMs: number
  readonly unreadableId: 'null' | 'omit'
  readonly signal: AbortSignal | undefined
}

/**
 * Applies defaults without validating: for options mcpkit builds itself, which are valid by
 * construction (the client's engine), so a bundle that only needs those skips the checks.
 *
 * @internal
 */
export function withEngineDefaults(options: JsonRpcEngineOptions): ResolvedEngineOptions {
  return {
    connection: options.connection,
    onRequest: options.onRequest,
    onNotification: options.onNotification,
    environment: options.environment ?? defaultEnvironment,
    batches: options.batches ?? 'reject',
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    sendCancelled: options.sendCancelled ?? true,
    defaultTimeoutMs: options.defaultTimeoutMs ?? 60_000,
    maxTotalTimeoutMs: options.maxTotalTimeoutMs ?? 600_000,
    unreadableId: options.unreadableId ?? 'null',
    signal: options.signal,
  }
}

/**
 * Applies defaults and validates. Throws a {@link ConfigError} naming the option and the value.
 *
 * @internal
 */
export function resolveEngineOptions(options: JsonRpcEngineOptions): ResolvedEngineOptions {
  const resolved = withEngineDefaults(options)
  const connection = resolved.connection as Partial<Connection> | undefined
  if (
    typeof connection?.send !== 'function' ||
    typeof connection.readable?.getReader !== 'function'
  ) {
    refuse('connection', connection, 'a Connection (with `send` and `readable`)')
  }
  oneOf('batches', resolved.batches, ['reject', 'accept'])
  oneOf('unreadableId', resolved.unreadableId, ['null', 'omit'])
  checkLimit('maxMessageBytes', resolved.maxMessageBytes, true)
  checkTimeout('defaultTimeoutMs', resolved.defaultTimeoutMs)
  checkTimeout('maxTotalTimeoutMs', resolved.maxTotalTimeoutMs)
  for (const name of ['onRequest', 'onNotification'] as const) {
    const handler: unknown = resolved[name]
    if (handler !== undefined && typeof handler !== 'function') refuse(name, handler, 'a function')
  }
  return resolved
}

function oneOf(option: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) refuse(option, value, allowed.map((a) => `'${a}'`).join(' or '))
}

function refuse(option: string, value: unknown, expected: string): never {
  throw optionError(option, value, expected)
}
