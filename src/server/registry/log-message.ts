/**
 * `notifications/message` (MCP logging): the severity order, the level check every delivery path
 * applies, and the notification itself. Shared by a handler's `ctx.log` and the server-wide
 * `server.log`, so both filter the same way.
 */
import { LOGGING_LEVELS } from '../../core/schemas/base.ts'
import type { LoggingLevel } from './content-types.ts'

/** A server-wide log message: sent to every legacy session whose log level lets it through. */
export interface ServerLogMessage {
  readonly level: LoggingLevel
  readonly data: unknown
  /** Which part of the server it comes from (`params.logger`). */
  readonly logger?: string | undefined
}

/** A level's place in the severity order (`debug` 0 … `emergency` 7); -1 when it is not a level. */
export function rankOf(level: unknown): number {
  return LOGGING_LEVELS.indexOf(level as LoggingLevel)
}

/**
 * Whether a message at `level` passes a session's `threshold` (set by `logging/setLevel`). A
 * session that never set one gets every level, as a handler's `ctx.log` does.
 */
export function passesLevel(level: LoggingLevel, threshold: unknown): boolean {
  const wanted = threshold === undefined ? 0 : rankOf(threshold)
  const rank = rankOf(level)
  return rank >= 0 && wanted >= 0 && rank >= wanted
}

/** The `notifications/message` of `message`. */
export function logNotification(message: ServerLogMessage): {
  jsonrpc: '2.0'
  method: 'notifications/message'
  params: Record<string, unknown>
} {
  const params: Record<string, unknown> = { level: message.level, data: message.data }
  if (message.logger !== undefined) params.logger = message.logger
  return { jsonrpc: '2.0', method: 'notifications/message', params }
}
