/**
 * Remembers how each HTTP endpoint was reached (SPEC §5.1 step 5), so the next client skips the
 * probe: modern with a version, legacy Streamable HTTP, or the 2024-11-05 HTTP+SSE transport.
 */
import { optionError } from '../core/errors/config-error.ts'

/** What negotiation found for one endpoint. */
export type EraOutcome =
  | { readonly era: 'modern'; readonly protocolVersion: string }
  | { readonly era: 'legacy'; readonly transport: 'streamable-http' | 'http+sse' }

/**
 * Where outcomes are kept, by endpoint key (origin and path). Any map-like object fits, so an app
 * can persist it (localStorage, a file) or share one across clients.
 */
export interface EraCache {
  get(key: string): EraOutcome | undefined
  set(key: string, outcome: EraOutcome): void
  delete(key: string): void
}

/** Options of {@link createEraCache}. */
export interface EraCacheOptions {
  /** The most endpoints remembered; the least recently used is forgotten first. @default 100 */
  readonly maxEntries?: number
}

/**
 * An in-memory {@link EraCache} with least-recently-used eviction.
 *
 * @example
 * const eraCache = createEraCache({ maxEntries: 10 })
 * const a = createClient({ url, eraCache })
 * const b = createClient({ url, eraCache }) // no probe: a's outcome is reused
 */
export function createEraCache(options: EraCacheOptions = {}): EraCache {
  const maxEntries = options.maxEntries ?? 100
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw optionError('maxEntries', maxEntries, 'an integer >= 1')
  }
  const entries = new Map<string, EraOutcome>()
  // Map order is insertion order: re-inserting marks an entry as the most recently used.
  const touch = (key: string, outcome: EraOutcome) => {
    entries.delete(key)
    entries.set(key, outcome)
  }
  return {
    get(key) {
      const outcome = entries.get(key)
      if (outcome !== undefined) touch(key, outcome)
      return outcome
    },
    set(key, outcome) {
      touch(key, outcome)
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break
        entries.delete(oldest)
      }
    },
    delete(key) {
      entries.delete(key)
    },
  }
}

/** The cache clients share when none is given: one per JavaScript realm. */
export const sharedEraCache: EraCache = createEraCache()

/** The cache key of an endpoint: its origin and path (query and fragment ignored). */
export function endpointKey(url: URL): string {
  return `${url.origin}${url.pathname}`
}
