/**
 * What the legacy-era handlers share beyond the common server context: the sessions, the event
 * tracker behind resumption, and the live per-session state.
 */
import { isLegacyRevision, type LegacyRevision, revisionRules } from '../../core/eras/versions.ts'
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { EventTracker } from '../../sessions/event-tracker.ts'
import type { SessionManager } from '../../sessions/session-manager.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import type { ServerContext } from '../http/context.ts'
import type { LiveSessions } from './live-sessions.ts'

/** The legacy-era context. */
export interface LegacyContext extends ServerContext {
  readonly sessions: SessionManager
  /** Records events for replay; undefined when replay is off. */
  readonly tracker: EventTracker | undefined
  readonly live: LiveSessions
  /** A new stream id, unique across instances that share an event store. */
  nextStreamId(): string
}

/** The rules a session follows: its negotiated revision (`2024-10-07` reads as `2024-11-05`). */
export function sessionRevision(record: SessionRecord): LegacyRevision {
  const rules = revisionRules(record.revision)
  return isLegacyRevision(rules) ? rules : '2025-03-26'
}

/**
 * Checks a legacy request's `MCP-Protocol-Version` (SPEC §4.6): missing means `2025-03-26`; a value
 * this server does not serve gets 400. Returns the error to answer with, or `undefined`.
 */
export function checkLegacyVersionHeader(
  context: LegacyContext,
  header: string | null,
): ProtocolError | undefined {
  if (header === null) return undefined
  const rules = revisionRules(header)
  if (isLegacyRevision(rules) && context.legacyVersions.includes(rules)) return undefined
  return new ProtocolError(
    JsonRpcErrorCode.InvalidRequest,
    `Bad Request: unsupported MCP-Protocol-Version '${header}'`,
    { data: { supported: context.legacyVersions, requested: header } },
  )
}

/** The legacy "session id required" error (400). */
export function sessionIdRequired(): ProtocolError {
  return new ProtocolError(
    JsonRpcErrorCode.BadRequest,
    'Bad Request: the Mcp-Session-Id header is required',
  )
}

/** The legacy "session not found" error (404): unknown, expired or deleted. */
export function sessionNotFound(): ProtocolError {
  return new ProtocolError(JsonRpcErrorCode.SessionNotFound, 'Session not found')
}

/** Looks a session up: memory first (synchronous), then the store. */
export function findSession(
  context: LegacyContext,
  id: string,
): SessionRecord | Promise<SessionRecord | undefined> | undefined {
  return context.sessions.peek(id) ?? context.sessions.get(id)
}
