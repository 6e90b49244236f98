// Direct-dispatch test support: a fake RequestScope whose channel records what the dispatcher sends,
// `_meta` builders for modern requests, and result validation against each revision's schemas.
import { expect } from 'vitest'
import { eraOf, type ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { isProtocolError } from '../../../src/core/errors/guards.ts'
import type { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  PROTOCOL_VERSION_META_KEY,
} from '../../../src/core/schemas/meta-keys.ts'
import { schemasFor } from '../../../src/core/schemas/revisions.ts'
import type { RequestScope, SessionHandle } from '../../../src/server/dispatch/scope.ts'
import type { LoggingLevel } from '../../../src/server/registry/content-types.ts'
import type { ServerRegistry } from '../../../src/server/registry/server-registry.ts'

export const LEGACY: readonly ProtocolRevision[] = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
]
export const ALL: readonly ProtocolRevision[] = [...LEGACY, '2026-07-28']
export const MODERN: ProtocolRevision = '2026-07-28'

export const DEFAULT_CAPABILITIES = { sampling: {}, elicitation: {}, roots: { listChanged: true } }

/** A message the fake channel saw. */
export interface Sent {
  readonly method: string
  readonly params: Readonly<Record<string, unknown>>
}

/** What a test controls about the request. */
export interface ScopeOptions {
  readonly revision?: ProtocolRevision
  readonly clientCapabilities?: Readonly<Record<string, unknown>>
  readonly session?: SessionHandle | null
  readonly requestId?: string | number
  readonly signal?: AbortSignal
  /** Answers server→client requests (legacy); absent means the channel cannot send requests. */
  readonly respond?: (method: string, params: Readonly<Record<string, unknown>>) => unknown
}

/** A fake scope and the messages it recorded. */
export interface FakeScope {
  readonly scope: RequestScope
  readonly notifications: Sent[]
  readonly requests: Sent[]
  readonly session: SessionHandle | undefined
}

export function newSession(): SessionHandle {
  return { id: 'session-1', logLevel: undefined, subscriptions: new Set() }
}

export function fakeScope(options: ScopeOptions = {}): FakeScope {
  const revision = options.revision ?? MODERN
  const notifications: Sent[] = []
  const requests: Sent[] = []
  const era = eraOf(revision)
  const session =
    options.session === null
      ? undefined
      : (options.session ?? (era === 'legacy' ? newSession() : undefined))
  const { respond } = options
  const scope: RequestScope = {
    era,
    revision,
    requestId: options.requestId ?? 1,
    signal: options.signal ?? new AbortController().signal,
    clientCapabilities: options.clientCapabilities ?? DEFAULT_CAPABILITIES,
    clientInfo: { name: 'test-client', version: '1.0.0' },
    session,
    channel: {
      notify: async (method, params) => {
        notifications.push({ method, params })
      },
      ...(respond === undefined || era === 'modern'
        ? {}
        : {
            request: async (method: string, params: Readonly<Record<string, unknown>>) => {
              requests.push({ method, params })
              return respond(method, params)
            },
          }),
    },
  }
  return { scope, notifications, requests, session }
}

/** Modern `_meta`. */
export function modernMeta(
  options: {
    capabilities?: Readonly<Record<string, unknown>>
    logLevel?: LoggingLevel
    progressToken?: string | number
  } = {},
): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    [PROTOCOL_VERSION_META_KEY]: MODERN,
    [CLIENT_INFO_META_KEY]: { name: 'test-client', version: '1.0.0' },
    [CLIENT_CAPABILITIES_META_KEY]: options.capabilities ?? DEFAULT_CAPABILITIES,
  }
  if (options.logLevel !== undefined) meta[LOG_LEVEL_META_KEY] = options.logLevel
  if (options.progressToken !== undefined) meta.progressToken = options.progressToken
  return meta
}

/** `params` for `revision`: modern requests get the required `_meta` (merged with any given). */
export function paramsFor(
  revision: ProtocolRevision,
  params: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  if (eraOf(revision) === 'legacy') return { ...params }
  const given = (params._meta as Record<string, unknown> | undefined) ?? {}
  return { ...params, _meta: { ...modernMeta(), ...given } }
}

/** Dispatches with a fresh fake scope; `params` get the modern `_meta` when needed. */
export async function call(
  server: ServerRegistry,
  request: { method: string; params?: Record<string, unknown> } & ScopeOptions,
): Promise<Readonly<Record<string, unknown>>> {
  const revision = request.revision ?? MODERN
  const params = paramsFor(revision, request.params)
  // Modern transports take the scope's capabilities from the request's `_meta`.
  const declared = (params._meta as Record<string, unknown> | undefined)?.[
    CLIENT_CAPABILITIES_META_KEY
  ] as Readonly<Record<string, unknown>> | undefined
  const clientCapabilities = request.clientCapabilities ?? declared
  const { scope } = fakeScope({
    ...request,
    revision,
    ...(clientCapabilities === undefined ? {} : { clientCapabilities }),
  })
  return server.dispatch(request.method, params, scope)
}

/** Asserts `result` is a valid `method` result of `revision` and returns it. */
export function expectValidResult(
  revision: ProtocolRevision,
  method: string,
  result: unknown,
): Record<string, unknown> {
  const schema = schemasFor(revision).methods[method]?.result
  if (schema === undefined) throw new Error(`${revision} has no result schema for ${method}`)
  const parsed = schema.safeParse(result)
  expect(parsed.success, `${method} @ ${revision}: ${JSON.stringify(parsed.error?.issues)}`).toBe(
    true,
  )
  return result as Record<string, unknown>
}

/** The ProtocolError a promise rejects with (fails the test when it resolves). */
export async function protocolError(promise: Promise<unknown>): Promise<ProtocolError> {
  try {
    await promise
  } catch (error) {
    if (isProtocolError(error)) return error
    throw error
  }
  throw new Error('expected a ProtocolError, got a result')
}

/** Lets queued microtasks (coalesced notifications) run. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
