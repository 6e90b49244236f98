/**
 * The HTTP side of `createServer`'s options: where the endpoints live, settings, stores, the bus and
 * the clock. Validated once, when the server is created.
 */
import type { ServerConfigInput } from '../../core/config/server-config.ts'
import type { SessionConfigInput } from '../../core/config/session-config.ts'
import type { Environment } from '../../core/environment.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import type { EventTracker } from '../../sessions/event-tracker.ts'
import type { SessionManager } from '../../sessions/session-manager.ts'
import type { EventStore, SessionStore } from '../../stores/session-store.ts'
import type { NotificationBus } from '../modern/bus.ts'

/** HTTP transport options of `createServer`. */
export interface HttpServerOptions {
  /**
   * Server settings: limits (`maxClients`, `maxBodyBytes`), DNS-rebinding protection
   * (`allowedHosts`, `allowedOrigins`), timeouts and which eras to serve. `name`/`version` here are
   * ignored: the server definition's own `name` and `version` are reported.
   */
  readonly config?: ServerConfigInput | undefined
  /** Legacy session lifetime, cap, persistence and replay retention (when no `sessionManager` is given). */
  readonly session?: SessionConfigInput | undefined
  /** Where legacy sessions persist. @default in memory */
  readonly sessionStore?: SessionStore | undefined
  /**
   * Where legacy stream events are kept for `Last-Event-ID` replay. `false` turns replay off: events
   * go out without ids and without the priming event, so clients do not try to resume, and a GET
   * with a `Last-Event-ID` opens a fresh stream. Keeping every event costs CPU and memory on each SSE
   * reply; turn it off when your clients never resume (mcpkit's own client only resumes streams that
   * carry ids). `session: { events: { replay: false } }` (or `MCPKIT_SESSION_EVENTS_REPLAY=0`) does
   * the same. @default in memory
   */
  readonly eventStore?: EventStore | false | undefined
  /**
   * A session manager to use instead of creating one. It stays yours: `close()` does not close it.
   * Its event tracker (if any) is used for resumption.
   */
  readonly sessionManager?: SessionManager | undefined
  /** An event tracker to use instead of creating one. It stays yours. */
  readonly eventTracker?: EventTracker | undefined
  /**
   * Carries list changes and resource updates to every listen and GET stream; pass a shared bus to
   * reach streams held by other instances. It stays yours. @default an in-memory bus
   */
  readonly bus?: NotificationBus | undefined
  /** Clock and timers. @default defaultEnvironment */
  readonly environment?: Environment | undefined
  /**
   * The MCP endpoint path. `null` serves MCP on every path not taken by the 2024-11-05 paths (for
   * frameworks that route before the handler). @default '/mcp'
   */
  readonly endpoint?: string | null | undefined
  /**
   * The 2024-11-05 HTTP+SSE stream path (GET), served when `config.legacySse` is on. A GET to the
   * MCP endpoint without `Mcp-Session-Id` also opens one, since old clients GET the URL they were
   * given. @default '/sse'
   */
  readonly legacySsePath?: string | undefined
  /** The 2024-11-05 POST path the `endpoint` event names. @default '/messages' */
  readonly legacyMessagesPath?: string | undefined
  /** Aborting it closes the server, like {@link McpServerCloseOptions | close()}. */
  readonly signal?: AbortSignal | undefined
}

/** The endpoint paths after validation. */
export interface ResolvedPaths {
  readonly endpoint: string | null
  readonly legacySsePath: string
  readonly legacyMessagesPath: string
}

const PATH = /^\/[^?#\s]*$/

/**
 * Validates the endpoint paths: absolute, without query or fragment, and distinct.
 *
 * @throws {ConfigError} naming the option
 */
export function resolvePaths(options: HttpServerOptions): ResolvedPaths {
  const endpoint = options.endpoint === undefined ? '/mcp' : options.endpoint
  const legacySsePath = options.legacySsePath ?? '/sse'
  const legacyMessagesPath = options.legacyMessagesPath ?? '/messages'
  const paths = { endpoint, legacySsePath, legacyMessagesPath }
  for (const [option, value] of Object.entries(paths)) {
    if (value === null && option === 'endpoint') continue
    if (typeof value !== 'string' || !PATH.test(value)) {
      throw new ConfigError({
        option,
        value,
        message: `The \`${option}\` option must be an absolute path such as "/mcp" (no query or fragment), got ${String(value)}`,
      })
    }
  }
  if (new Set(Object.values(paths)).size !== 3) {
    throw new ConfigError({
      option: 'endpoint',
      value: paths,
      message: 'The `endpoint`, `legacySsePath` and `legacyMessagesPath` options must differ',
    })
  }
  return paths
}

/** Options of `close()`. */
export interface McpServerCloseOptions {
  /**
   * How long in-flight requests may still run before they are aborted and answered with an error.
   * @default config.shutdownTimeoutMs
   */
  readonly deadlineMs?: number
}
