import {
  booleanOption,
  durationOption,
  group,
  integerOption,
  optionalListOption,
  textOption,
} from './option-specs.ts'
import { parseGroup } from './parse-group.ts'

/**
 * Server settings as you pass them: every field is optional and falls back to its default.
 *
 * @example
 * const server = resolveServerConfig({ name: 'weather', version: '1.2.0', maxClients: 200 })
 */
export interface ServerConfigInput {
  /**
   * The name the server reports in `serverInfo`.
   * @default 'mcpkit-server'
   */
  readonly name?: string | undefined
  /**
   * The version the server reports in `serverInfo`.
   * @default '0.0.0'
   */
  readonly version?: string | undefined
  /**
   * How many requests and streams the server handles at once. Beyond it the server answers 503 with
   * `Retry-After` instead of queueing, so overload stays visible and bounded.
   * @default 1000
   */
  readonly maxClients?: number | undefined
  /**
   * The `Retry-After` sent with a 503 when {@link ServerConfigInput.maxClients} is reached, rounded
   * up to whole seconds on the wire.
   * @default 1000
   */
  readonly retryAfterMs?: number | undefined
  /**
   * The largest request body the server reads; larger bodies get 413 before any parsing.
   * @default 4194304 (4 MiB)
   */
  readonly maxBodyBytes?: number | undefined
  /**
   * `Host` header values the server accepts (DNS-rebinding protection), such as `example.com` or
   * `example.com:8443`. Leave unset to accept loopback names only (`localhost`, `127.0.0.1`,
   * `[::1]`). An empty list is refused: it would reject every request.
   * @default undefined (loopback names only)
   */
  readonly allowedHosts?: readonly string[] | undefined
  /**
   * `Origin` header values the server accepts, in the serialized form browsers send
   * (`https://app.example.com`, no path or trailing slash). Leave unset to accept loopback origins
   * only; `[]` refuses every browser origin while requests without `Origin` still pass.
   * @default undefined (loopback origins only)
   */
  readonly allowedOrigins?: readonly string[] | undefined
  /**
   * Answer CORS preflights and add CORS headers (exposing `Mcp-Session-Id`) for the origins
   * {@link ServerConfigInput.allowedOrigins} accepts, so browser clients on another origin can call
   * the server and keep a session. Turn it off when a proxy in front of the server handles CORS.
   * @default true
   */
  readonly cors?: boolean | undefined
  /**
   * How long a browser may reuse a preflight answer (`Access-Control-Max-Age`, sent in whole
   * seconds; Chromium caps it at 2 hours, Firefox at 24).
   * @default 7200000 (2 hours)
   */
  readonly corsMaxAgeMs?: number | undefined
  /**
   * Let browsers send cookies and HTTP authentication with cross-origin requests
   * (`Access-Control-Allow-Credentials: true`), for servers behind cookie-based sign-in. Bearer
   * tokens in `Authorization` need no credentials mode and work without it.
   * @default false
   */
  readonly corsCredentials?: boolean | undefined
  /**
   * How long `close()` waits for in-flight requests and streams before aborting them.
   * @default 10000
   */
  readonly shutdownTimeoutMs?: number | undefined
  /**
   * The SSE `retry:` value sent before the server closes a stream (shutdown, or SSE polling),
   * telling the client how long to wait before it reconnects.
   * @default 1000
   */
  readonly sseRetryMs?: number | undefined
  /**
   * How often an idle SSE stream gets a `:` comment so proxies do not cut it. `0` turns keep-alives
   * off.
   * @default 15000
   */
  readonly keepAliveIntervalMs?: number | undefined
  /**
   * How long one request's handler may run before its signal aborts. It does not limit long-lived
   * listening streams (`subscriptions/listen`, the legacy GET stream).
   * @default 300000 (5 minutes)
   */
  readonly requestTimeoutMs?: number | undefined
  /**
   * Serve the handshake-era revisions (2024-11-05 to 2025-11-25) next to the stateless 2026-07-28
   * one. Every deployed client still speaks them.
   * @default true
   */
  readonly legacy?: boolean | undefined
  /**
   * Also serve the 2024-11-05 HTTP+SSE transport (a GET event stream plus a POST endpoint) for very
   * old clients. Needs {@link ServerConfigInput.legacy}.
   * @default false
   */
  readonly legacySse?: boolean | undefined
}

/** Server settings after defaults: see {@link ServerConfigInput} for what each one does. */
export interface ServerConfig {
  /** @default 'mcpkit-server' */
  readonly name: string
  /** @default '0.0.0' */
  readonly version: string
  /** Concurrent requests and streams; 503 beyond. @default 1000 */
  readonly maxClients: number
  /** `Retry-After` sent with that 503. @default 1000 */
  readonly retryAfterMs: number
  /** @default 4194304 (4 MiB) */
  readonly maxBodyBytes: number
  /** `undefined` means loopback names only. @default undefined */
  readonly allowedHosts?: readonly string[] | undefined
  /** `undefined` means loopback origins only. @default undefined */
  readonly allowedOrigins?: readonly string[] | undefined
  /** CORS for accepted origins. @default true */
  readonly cors: boolean
  /** `Access-Control-Max-Age`, in milliseconds here. @default 7200000 */
  readonly corsMaxAgeMs: number
  /** `Access-Control-Allow-Credentials: true`. @default false */
  readonly corsCredentials: boolean
  /** @default 10000 */
  readonly shutdownTimeoutMs: number
  /** @default 1000 */
  readonly sseRetryMs: number
  /** `0` means off. @default 15000 */
  readonly keepAliveIntervalMs: number
  /** @default 300000 */
  readonly requestTimeoutMs: number
  /** @default true */
  readonly legacy: boolean
  /** @default false */
  readonly legacySse: boolean
}

const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::\d{1,5})?$/

/** Whether `value` is already a serialized origin, exactly as a browser would send it. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}

/** The server section's options. @internal */
export const serverOptions = group(
  {
    name: textOption({ default: 'mcpkit-server' }),
    version: textOption({ default: '0.0.0' }),
    maxClients: integerOption({ min: 1, default: 1000 }),
    retryAfterMs: durationOption({ min: 0, timer: true, default: 1000 }),
    maxBodyBytes: integerOption({ min: 1, default: 4 * 1024 * 1024 }),
    allowedHosts: optionalListOption({
      isItem: (item) => HOST.test(item),
      nonEmpty: true,
      items: 'host names, each optionally with :port (no scheme or path)',
    }),
    allowedOrigins: optionalListOption({
      isItem: isOrigin,
      nonEmpty: false,
      items:
        'origins such as "https://app.example.com" (lower-case scheme and host, port only if not the default, no path or trailing slash)',
    }),
    cors: booleanOption({ default: true }),
    corsMaxAgeMs: durationOption({ min: 0, timer: false, default: 7_200_000 }),
    corsCredentials: booleanOption({ default: false }),
    shutdownTimeoutMs: durationOption({ min: 0, timer: true, default: 10_000 }),
    sseRetryMs: durationOption({ min: 0, timer: true, default: 1000 }),
    keepAliveIntervalMs: durationOption({ min: 0, timer: true, default: 15_000 }),
    requestTimeoutMs: durationOption({ min: 1, timer: true, default: 300_000 }),
    legacy: booleanOption({ default: true }),
    legacySse: booleanOption({ default: false }),
  },
  {
    check: (value) =>
      value.legacySse && !value.legacy
        ? {
            key: 'legacySse',
            input: value.legacySse,
            message:
              'expected false while `server.legacy` is false (HTTP+SSE is a handshake-era transport)',
          }
        : undefined,
  },
)

/**
 * Validates server settings and fills in defaults.
 *
 * @throws {ConfigError} naming the option (`server.maxClients`) and the refused value.
 */
export function resolveServerConfig(input: ServerConfigInput = {}): ServerConfig {
  const resolved = parseGroup(serverOptions, input, {
    path: ['server'],
  })
  return resolved
}
