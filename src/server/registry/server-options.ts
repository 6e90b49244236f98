/**
 * The options of a server definition, validated once when it is created.
 */
import {
  isProtocolRevision,
  PROTOCOL_REVISIONS,
  type ProtocolRevision,
} from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import type { NotificationScope } from '../dispatch/scope.ts'
import type { CapabilityOptions } from './capabilities.ts'
import type { CacheHint, CacheScope, Icon } from './content-types.ts'

/** The results 2026-07-28 caches: they carry `ttlMs` and `cacheScope`. */
export type CacheableMethod =
  | 'server/discover'
  | 'tools/list'
  | 'prompts/list'
  | 'resources/list'
  | 'resources/templates/list'
  | 'resources/read'

/** Caching hints: server-wide defaults, overridden per method (and per resource for reads). */
export interface CacheOptions extends CacheHint {
  readonly methods?: Readonly<Partial<Record<CacheableMethod, CacheHint>>>
}

/** Where an unexpected error happened. */
export interface ServerErrorContext {
  /** `handler`: a tool/prompt/resource/completion handler failed unexpectedly; `notifier`: a
   *  transport's notifier threw; `notification`: the `onNotification` callback threw. */
  readonly phase: 'handler' | 'notifier' | 'notification'
  readonly method?: string
}

/** What a server is and how it answers. */
export interface ServerOptions {
  /** `serverInfo.name`. */
  readonly name: string
  /** `serverInfo.version`. */
  readonly version: string
  readonly title?: string
  readonly description?: string
  readonly icons?: readonly Icon[]
  readonly websiteUrl?: string
  /** Guidance for the model, sent with `initialize` and `server/discover`. */
  readonly instructions?: string
  /** Capability overrides; by default features are declared as items are registered. */
  readonly capabilities?: CapabilityOptions
  /** Items per page of the four list calls. @default 100 */
  readonly pageSize?: number
  /**
   * 2026-07-28 caching hints. The defaults are conservative — `ttlMs: 0` and `cacheScope:
   * "private"` — because the server cannot know whether results depend on the caller.
   */
  readonly cache?: CacheOptions
  /**
   * The HMAC-SHA256 key protecting `requestState` (2026-07-28 multi round-trip requests), at least
   * 32 bytes. Every process that may receive a retry must share it.
   * @default a random key per server definition
   */
  readonly requestStateSecret?: Uint8Array | string
  /** How long a `requestState` stays valid. @default 600000 (10 minutes) */
  readonly requestStateTtlMs?: number
  /** The most input rounds one request may take before it fails. @default 10 */
  readonly maxInputRounds?: number
  /**
   * The revisions this server speaks; listed newest first in `server/discover`.
   * @default every revision mcpkit implements
   */
  readonly supportedVersions?: readonly ProtocolRevision[]
  /** Receives unexpected errors (handler crashes are also answered to the client). */
  readonly onError?: (error: unknown, context: ServerErrorContext) => void
  /** Receives client notifications such as `notifications/roots/list_changed`. */
  readonly onNotification?: (
    method: string,
    params: Readonly<Record<string, unknown>> | undefined,
    scope: NotificationScope,
  ) => void
}

/** {@link ServerOptions} with defaults applied. */
export interface ResolvedServerOptions extends ServerOptions {
  readonly capabilities: CapabilityOptions
  readonly pageSize: number
  readonly requestStateTtlMs: number
  readonly maxInputRounds: number
  /** Newest first. */
  readonly supportedVersions: readonly ProtocolRevision[]
}

const MIN_SECRET_BYTES = 32

function refuse(option: string, value: unknown, rule: string): never {
  throw new ConfigError({ option, value, message: `${option} ${rule}, got ${String(value)}` })
}

function checkInteger(option: string, value: unknown, min: number): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < min)) {
    refuse(option, value, `must be an integer ≥ ${min}`)
  }
}

/** Throws a `ConfigError` unless `hint` is a valid caching hint. */
export function checkCacheHint(option: string, hint: CacheHint | undefined): void {
  if (hint === undefined) return
  checkInteger(`${option}.ttlMs`, hint.ttlMs, 0)
  const scopes: readonly (CacheScope | undefined)[] = ['public', 'private', undefined]
  if (!scopes.includes(hint.cacheScope)) {
    refuse(`${option}.cacheScope`, hint.cacheScope, 'must be "public" or "private"')
  }
}

function checkSecret(secret: Uint8Array | string | undefined): void {
  if (secret === undefined) return
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret).length : secret.length
  if (bytes < MIN_SECRET_BYTES) {
    refuse('requestStateSecret', `${bytes} bytes`, `must be at least ${MIN_SECRET_BYTES} bytes`)
  }
}

function resolveVersions(versions: readonly ProtocolRevision[] | undefined): ProtocolRevision[] {
  const list = versions ?? PROTOCOL_REVISIONS
  if (list.length === 0 || !list.every(isProtocolRevision)) {
    refuse('supportedVersions', list, 'must list revisions mcpkit implements')
  }
  return [...new Set(list)].sort().reverse()
}

/** Validates `options` and applies defaults; throws a `ConfigError` naming the bad option. */
export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  for (const key of ['name', 'version'] as const) {
    if (typeof options[key] !== 'string' || options[key] === '') {
      refuse(key, options[key], 'must be a non-empty string')
    }
  }
  checkInteger('pageSize', options.pageSize, 1)
  checkInteger('requestStateTtlMs', options.requestStateTtlMs, 1)
  checkInteger('maxInputRounds', options.maxInputRounds, 1)
  checkCacheHint('cache', options.cache)
  for (const [method, hint] of Object.entries(options.cache?.methods ?? {})) {
    checkCacheHint(`cache.methods.${method}`, hint)
  }
  checkSecret(options.requestStateSecret)
  return {
    ...options,
    capabilities: options.capabilities ?? {},
    pageSize: options.pageSize ?? 100,
    requestStateTtlMs: options.requestStateTtlMs ?? 600_000,
    maxInputRounds: options.maxInputRounds ?? 10,
    supportedVersions: resolveVersions(options.supportedVersions),
  }
}

/** The caching hints of a `method` result (an item's own hint wins). */
export function cacheHintFor(
  options: ResolvedServerOptions,
  method: CacheableMethod,
  item?: CacheHint,
): { ttlMs: number; cacheScope: CacheScope } {
  const byMethod = options.cache?.methods?.[method]
  return {
    ttlMs: item?.ttlMs ?? byMethod?.ttlMs ?? options.cache?.ttlMs ?? 0,
    cacheScope: item?.cacheScope ?? byMethod?.cacheScope ?? options.cache?.cacheScope ?? 'private',
  }
}
