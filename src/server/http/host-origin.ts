/**
 * DNS-rebinding protection (SPEC §3.1, §5.4): the `Host` header must name this server and a present
 * `Origin` must be allowed. Unconfigured, only loopback names pass (`localhost`, `127.0.0.1`,
 * `[::1]`, any port), which is what a local server needs.
 */

import type { HttpRequest } from './responses.ts'

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]'])
const CACHE_LIMIT = 64

/** What {@link HostOriginPolicy} checks against. */
export interface HostOriginOptions {
  /** `host` or `host:port` entries; `undefined` means loopback names with any port. */
  readonly allowedHosts?: readonly string[] | undefined
  /** Serialized origins; `undefined` means loopback origins (http or https, any port). */
  readonly allowedOrigins?: readonly string[] | undefined
}

/** Why a request was refused, for the 403 body and the server events. */
export type HostOriginRejection = 'host' | 'origin'

/**
 * Decides whether a request's `Host` and `Origin` are acceptable. Answers are cached per header
 * value, since clients repeat the same few values on every request.
 *
 * @example
 * const policy = new HostOriginPolicy({ allowedHosts: ['mcp.example.com'] })
 * policy.check(request) // undefined when allowed, else 'host' or 'origin'
 */
export class HostOriginPolicy {
  readonly #hosts: ReadonlySet<string> | undefined
  readonly #hostnames: ReadonlySet<string> | undefined
  readonly #origins: ReadonlySet<string> | undefined
  readonly #hostCache = new Map<string, boolean>()
  readonly #originCache = new Map<string, boolean>()

  constructor(options: HostOriginOptions) {
    if (options.allowedHosts !== undefined) {
      const withPort = options.allowedHosts.filter(hasPort).map((h) => h.toLowerCase())
      const bare = options.allowedHosts.filter((h) => !hasPort(h)).map((h) => h.toLowerCase())
      this.#hosts = new Set(withPort)
      this.#hostnames = new Set(bare)
    }
    if (options.allowedOrigins !== undefined) {
      this.#origins = new Set(options.allowedOrigins.map((o) => o.toLowerCase()))
    }
  }

  /**
   * `undefined` when the request may proceed, otherwise which header failed. `origin` is the
   * request's `Origin` header, which the caller reads once because CORS needs it too.
   */
  check(
    request: HttpRequest,
    origin: string | null = request.headers.get('origin'),
  ): HostOriginRejection | undefined {
    const host = request.headers.get('host') ?? hostOfUrl(request.url)
    if (!this.#cached(this.#hostCache, host, (value) => this.#hostAllowed(value))) return 'host'
    if (origin === null) return undefined
    return this.#cached(this.#originCache, origin, (value) => this.#originAllowed(value))
      ? undefined
      : 'origin'
  }

  #cached(cache: Map<string, boolean>, key: string, decide: (value: string) => boolean): boolean {
    const known = cache.get(key)
    if (known !== undefined) return known
    const answer = decide(key)
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(key, answer)
    return answer
  }

  #hostAllowed(host: string): boolean {
    const lower = host.trim().toLowerCase()
    const hostname = hostnameOf(lower)
    if (hostname === undefined) return false
    if (this.#hosts === undefined || this.#hostnames === undefined) {
      return LOOPBACK_HOSTNAMES.has(hostname)
    }
    return this.#hosts.has(lower) || this.#hostnames.has(hostname)
  }

  #originAllowed(origin: string): boolean {
    if (this.#origins !== undefined) return this.#origins.has(origin.trim().toLowerCase())
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
    return LOOPBACK_HOSTNAMES.has(url.hostname)
  }
}

function hasPort(host: string): boolean {
  return /:\d+$/.test(host) && !/^\[[^\]]*\]$/.test(host)
}

/** The hostname part of a `host[:port]` value (IPv6 kept in brackets), or undefined if malformed. */
function hostnameOf(host: string): string | undefined {
  if (host === '') return undefined
  try {
    const url = new URL(`http://${host}`)
    if (url.username !== '' || url.pathname !== '/' || url.search !== '') return undefined
    return url.hostname
  } catch {
    return undefined
  }
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}
