/**
 * The client's cache of modern results (SEP-2549): `server/discover`, the four list methods (each
 * page on its own) and `resources/read` carry `ttlMs` and `cacheScope`; a result is reused until
 * `ttlMs` passes, and list-changed or resource-updated notifications drop what they invalidate.
 * Multi round-trip retries are never cached.
 *
 * @internal
 */
import type { Environment } from '../core/environment.ts'
import { LIST_CHANGES, RESOURCE_UPDATED } from './list-changed.ts'

/** The methods whose results may be cached. */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
])

interface Entry {
  readonly value: unknown
  readonly expiresAt: number
}

/** The cache key of a request: its method and the one param that selects the result. */
export function cacheKey(
  method: string,
  params: Readonly<Record<string, unknown>> | undefined,
): string {
  const selector = method === 'resources/read' ? params?.uri : params?.cursor
  return `${method} ${typeof selector === 'string' ? selector : ''}`
}

/** A bounded, per-client result cache. */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>()
  readonly #environment: Environment
  readonly #maxEntries: number

  constructor(environment: Environment, maxEntries = 256) {
    this.#environment = environment
    this.#maxEntries = maxEntries
  }

  /** A fresh cached result, or `undefined`. */
  get(key: string): unknown {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    if (this.#environment.now() >= entry.expiresAt) {
      this.#entries.delete(key)
      return undefined
    }
    return entry.value
  }

  /** Stores `result` when it carries a positive `ttlMs` and a valid `cacheScope`. */
  set(key: string, result: unknown): void {
    const { ttlMs, cacheScope } = (result ?? {}) as { ttlMs?: unknown; cacheScope?: unknown }
    if (typeof ttlMs !== 'number' || !Number.isInteger(ttlMs) || ttlMs <= 0) return
    if (cacheScope !== 'public' && cacheScope !== 'private') return
    this.#entries.delete(key)
    this.#entries.set(key, { value: result, expiresAt: this.#environment.now() + ttlMs })
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break
      this.#entries.delete(oldest)
    }
  }

  /**
   * Drops what a server notification invalidates; returns the methods it dropped entries of (empty
   * when the notification invalidates nothing).
   */
  invalidate(method: string, params: Readonly<Record<string, unknown>> | undefined): string[] {
    if (method === RESOURCE_UPDATED) {
      const uri = params?.uri
      if (typeof uri !== 'string') return []
      this.#entries.delete(cacheKey('resources/read', { uri }))
      return ['resources/read']
    }
    const methods = LIST_CHANGES.get(method)?.lists
    if (methods === undefined) return []
    for (const key of [...this.#entries.keys()]) {
      if (methods.some((dropped) => key.startsWith(`${dropped} `))) this.#entries.delete(key)
    }
    return [...methods]
  }
}
