import { McpkitError, type McpkitErrorOptions } from './base.ts'
import type { ErrorCode } from './codes.ts'

/** Codes a {@link SessionError} may carry. */
export type SessionErrorCode =
  | typeof ErrorCode.SessionNotFound
  | typeof ErrorCode.SessionExpired
  | typeof ErrorCode.SessionLimit

/** What {@link SessionError} is built from. */
export interface SessionErrorInit extends McpkitErrorOptions {
  readonly code: SessionErrorCode
  readonly message: string
  /** The session concerned, when known. */
  readonly sessionId?: string
}

/** A legacy-era session is unknown, has ended or expired, or no more sessions can be opened. */
export class SessionError extends McpkitError {
  override readonly name = 'SessionError' as const
  declare readonly code: SessionErrorCode
  declare readonly sessionId: string | undefined

  constructor(init: SessionErrorInit) {
    super(init.code, init.message, init)
    this.sessionId = init.sessionId
  }
}
