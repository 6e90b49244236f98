// Building, patching and checking SessionRecords: the only per-session object the manager keeps.
import type { SessionRecord } from '../stores/session-store.ts'

/** What a new session starts from: the outcome of `initialize`. */
export interface SessionInit {
  /** The negotiated protocol revision. */
  readonly revision: string
  /** The client's `clientInfo`. Kept as given (not copied): pass an object nobody else mutates. */
  readonly clientInfo?: Readonly<Record<string, unknown>> | undefined
  /** The client's `capabilities`. Kept as given, like `clientInfo`. */
  readonly clientCapabilities?: Readonly<Record<string, unknown>> | undefined
  /** Initial metadata, e.g. a proxy's upstream session id. */
  readonly metadata?: Readonly<Record<string, string>> | undefined
}

/**
 * The fields `update` may change. `undefined` clears a field.
 *
 * @example
 * manager.update(id, { logLevel: 'warning' })
 * manager.update(id, { subscriptions: [...(record.subscriptions ?? []), uri] })
 */
export interface SessionPatch {
  readonly logLevel?: string | undefined
  readonly subscriptions?: readonly string[] | undefined
  readonly metadata?: Readonly<Record<string, string>> | undefined
}

/** Session ids travel in `Mcp-Session-Id`, which allows visible ASCII only. */
const SESSION_ID = /^[\x21-\x7e]+$/

/** @internal */
export function isValidSessionId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 256 && SESSION_ID.test(id)
}

/** @internal */
export function buildRecord(id: string, init: SessionInit, now: number): SessionRecord {
  if (typeof init.revision !== 'string' || init.revision === '') {
    throw new TypeError(`A session needs the negotiated \`revision\`, got ${String(init.revision)}`)
  }
  const record: {
    -readonly [TKey in keyof SessionRecord]: SessionRecord[TKey]
  } = { id, revision: init.revision, createdAt: now, lastSeenAt: now }
  if (init.clientInfo !== undefined) record.clientInfo = init.clientInfo
  if (init.clientCapabilities !== undefined) record.clientCapabilities = init.clientCapabilities
  if (init.metadata !== undefined) record.metadata = init.metadata
  return record
}

/** Applies `patch` in place; returns whether anything was in it. @internal */
export function applyPatch(record: SessionRecord, patch: SessionPatch): boolean {
  let changed = false
  if ('logLevel' in patch) {
    if (patch.logLevel === undefined) delete record.logLevel
    else record.logLevel = patch.logLevel
    changed = true
  }
  if ('subscriptions' in patch) {
    if (patch.subscriptions === undefined) delete record.subscriptions
    else record.subscriptions = patch.subscriptions
    changed = true
  }
  if ('metadata' in patch) {
    if (patch.metadata === undefined) delete record.metadata
    else record.metadata = patch.metadata
    changed = true
  }
  return changed
}

/** Whether a value read from a store is a usable record of session `id`. @internal */
export function isSessionRecord(value: unknown, id: string): value is SessionRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<Record<keyof SessionRecord, unknown>>
  return (
    record.id === id &&
    typeof record.revision === 'string' &&
    Number.isFinite(record.createdAt) &&
    Number.isFinite(record.lastSeenAt)
  )
}
